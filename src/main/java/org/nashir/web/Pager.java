package org.nashir.web;

/** Page {@code number} of {@code pages} of a listing at {@code path}; links are {@code path?page=N}. */
public record Pager(String path, int number, int pages) {
    public static final int PAGE_SIZE = 20;

    /**
     * The 1-based page asked for in {@code ?page=}; anything that is not a plain positive number in range is a
     * 404 rather than an error or an empty page.
     */
    public static int parse(String raw) {
        if (raw == null || raw.isEmpty()) return 1;
        if (!raw.matches("[0-9]{1,6}")) throw new NotFound("bad page number " + raw, "error.page-not-found");
        int n = Integer.parseInt(raw);
        if (n < 1) throw new NotFound("bad page number " + raw, "error.page-not-found");
        return n;
    }

    public static int offset(int number) {
        return (number - 1) * PAGE_SIZE;
    }

    /** The pager for a listing of {@code total} items; a page past the end is a 404 (page 1 of nothing is fine). */
    public static Pager of(String path, int number, long total) {
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number > pages) throw new NotFound("page " + number + " of " + pages + " at " + path, "error.page-not-found");
        return new Pager(path, number, pages);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }

    public String href(int page) {
        return page == 1 ? path : path + (path.contains("?") ? "&" : "?") + "page=" + page;
    }
}
