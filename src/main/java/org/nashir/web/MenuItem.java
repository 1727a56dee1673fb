package org.nashir.web;

import java.util.List;

/** An entry of the header or footer menu: where it goes, what it says, and the entries one level under it. */
public record MenuItem(String href, String text, List<MenuItem> children) {}
