package org.nashir.web;

/** A permanent move, such as an article address with a wrong or outdated slug. */
public final class Redirect extends RuntimeException {
    private final String location;

    public Redirect(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
