package org.nashir.importer;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.article.LegacyPaths;
import org.nashir.page.MenuStore;
import org.nashir.page.PageStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a WordPress export that is not news: its pages and nav menus, imported after the posts (a page's
 * parent and a menu item's target may come later in the file, and menus point to pages and posts).
 */
final class WxrPagesImport {
    private final PageStore pages;
    private final MenuStore menus;
    private final ArticleStore articles;

    WxrPagesImport(PageStore pages, MenuStore menus, ArticleStore articles) {
        this.pages = pages;
        this.menus = menus;
        this.articles = articles;
    }

    /**
     * WordPress pages become static pages, parents first. Nashir nests one level, so a page deeper down goes under its
     * top-level ancestor. Each page's old address answers with a 301; a page whose old address is already known (an
     * import run again) is left alone. Returns WordPress page id → the page's new path, for the menus.
     */
    Map<String, String> importPages(List<WxrReader.Item> items, WxrImport.Report report) {
        Map<String, WxrReader.Item> byId = new HashMap<>();
        for (WxrReader.Item i : items) if (i.id() != null) byId.put(i.id().strip(), i);
        Map<String, String> paths = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        List<WxrReader.Item> ordered = new ArrayList<>(items);
        ordered.sort(java.util.Comparator.comparingInt(i -> depth(i, byId)));
        for (WxrReader.Item item : ordered) {
            String id = item.id() == null ? "" : item.id().strip();
            String title = item.title() == null ? "" : Parser.unescapeEntities(item.title(), false).strip();
            String link = LegacyPaths.keyOfLink(item.link());
            if (link != null && pages.hasLegacyPath(link)) {
                pages.findByLegacyPath(link).ifPresent(p -> paths.put(id, p.path()));
                report.existed++;
                continue;
            }
            String body = WxrImport.bodyHtml(item.content(), Map.of());
            if (title.isEmpty() || Jsoup.parse(body).text().isBlank()) {
                report.problems.add(new WxrImport.Problem(id, item.line(), title.isEmpty() ? "الصفحة بلا عنوان" : "الصفحة بلا نص"));
                continue;
            }
            String top = topAncestor(item, byId);
            Long parent = top == null ? null : ids.get(top);
            String status = "publish".equals(item.status() == null ? "" : item.status().strip()) ? PageStore.PUBLISHED : PageStore.DRAFT;
            try {
                long pageId = pages.save(null, new PageStore.PageForm(title, body, parent == null ? 0 : parent, status, 0), null);
                if (link != null && !link.equals("/")) pages.addLegacyPath(link, pageId);
                pages.addLegacyPath("/?page_id=" + id, pageId);
                ids.put(id, pageId);
                pages.findById(pageId).ifPresent(p -> paths.put(id, p.path()));
                report.pages++;
            } catch (PageStore.Refused | IllegalArgumentException | org.jdbi.v3.core.JdbiException e) {
                report.problems.add(new WxrImport.Problem(id, item.line(), "تعذّر حفظ الصفحة: " + e.getMessage()));
            }
        }
        return paths;
    }

    /** How deep a page sits (0 for a page at the top), following parents that are in the file. */
    private static int depth(WxrReader.Item item, Map<String, WxrReader.Item> byId) {
        int depth = 0;
        WxrReader.Item at = item;
        while (at.parent() != null && byId.containsKey(at.parent().strip()) && depth < 50) {
            at = byId.get(at.parent().strip());
            depth++;
        }
        return depth;
    }

    /** The id of the page's top-level ancestor, or null for a page at the top. */
    private static String topAncestor(WxrReader.Item item, Map<String, WxrReader.Item> byId) {
        String top = null;
        WxrReader.Item at = item;
        for (int guard = 0; at.parent() != null && byId.containsKey(at.parent().strip()) && guard < 50; guard++) {
            top = at.parent().strip();
            at = byId.get(top);
        }
        return top;
    }

    /**
     * WordPress nav menus become Nashir's menus: the first menu in the file is the header, any other the footer
     * (the export does not say which theme location each had). Items pointing to imported pages and posts follow
     * them to their new addresses; custom links are kept when they are http(s); an item under another stays under it.
     */
    void importMenus(List<WxrReader.Item> items, Map<String, String> pagePaths, String base, WxrImport.Report report) {
        if (items.isEmpty()) return;
        List<String> menuNames = new ArrayList<>();
        items.sort(java.util.Comparator.comparingInt(i -> order(i.menuOrder())));
        Map<String, Long> created = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (WxrReader.Item item : items) {
                String parent = item.meta().getOrDefault("_menu_item_menu_item_parent", "0").strip();
                boolean child = !parent.isEmpty() && !parent.equals("0");
                if ((pass == 0) == child) continue;
                String menuName = item.terms().stream().filter(t -> t.domain().equals("nav_menu")).map(WxrReader.Term::slug).findFirst().orElse("");
                if (!menuNames.contains(menuName)) menuNames.add(menuName);
                String menu = menuNames.indexOf(menuName) == 0 ? MenuStore.HEADER : MenuStore.FOOTER;
                String target = item.meta().getOrDefault("_menu_item_object_id", "").strip();
                String href = switch (item.meta().getOrDefault("_menu_item_type", "").strip()) {
                    case "post_type" -> "page".equals(item.meta().get("_menu_item_object")) ? pagePaths.get(target)
                        : articles.findIdByImportKey("wxr:" + base + "#" + target).map(Article::path).orElse(null);
                    case "custom" -> item.meta().getOrDefault("_menu_item_url", "").strip();
                    default -> null;
                };
                String label = item.title() == null ? "" : Parser.unescapeEntities(item.title(), false).strip();
                if (label.isEmpty() && "post_type".equals(item.meta().get("_menu_item_type"))) label = pageTitle(pagePaths.get(target));
                if (href == null || href.isBlank() || label.isEmpty()) {
                    report.skipped++;
                    continue;
                }
                Long under = child ? created.get(parent) : null;
                String text = label;
                // Imported before (the same export run again): the item is there already.
                var existing = menus.list(menu).stream().filter(m -> m.label().equals(text) && m.href().equals(href)
                    && java.util.Objects.equals(m.parentId(), under)).findFirst();
                if (existing.isPresent()) {
                    created.put(item.id() == null ? "" : item.id().strip(), existing.get().id());
                    report.existed++;
                    continue;
                }
                try {
                    long id = menus.add(menu, label, href, under);
                    created.put(item.id() == null ? "" : item.id().strip(), id);
                    report.menuItems++;
                } catch (PageStore.Refused e) {
                    report.skipped++;
                }
            }
        }
    }

    private String pageTitle(String path) {
        if (path == null) return "";
        return pages.listAll().stream().filter(p -> p.path().equals(path)).map(PageStore.Page::title).findFirst().orElse("");
    }

    private static int order(String raw) {
        return raw != null && raw.strip().matches("[0-9]{1,9}") ? Integer.parseInt(raw.strip()) : Integer.MAX_VALUE;
    }
}
