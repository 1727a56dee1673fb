package org.nashir.web;

/** A link of the site's navigation: where it goes and what it says. */
public record NavLink(String href, String text) {}
