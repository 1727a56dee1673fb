package org.nashir.page;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;
import org.nashir.web.MenuItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The header and footer menus: ordered links (to sections, pages, tags, or any address) with one level of nesting.
 * Every page shows them, so every change goes through the change feed and renews the cached pages.
 */
public final class MenuStore {
    public static final String HEADER = "header";
    public static final String FOOTER = "footer";
    static final int LABEL_MAX = 60;

    public record Item(long id, String menu, Long parentId, int position, String label, String href) {}

    private final Jdbi jdbi;
    private final ChangeFeed changes;

    public MenuStore(Jdbi jdbi, ChangeFeed changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /** The items of a menu in order: each top-level item followed by the items under it. */
    public List<Item> list(String menu) {
        List<Item> all = jdbi.withHandle(h -> h.createQuery("SELECT id, menu, parent_id, position, label, href FROM menu_item WHERE menu = :m ORDER BY position, id")
            .bind("m", menu).map(ConstructorMapper.of(Item.class)).list());
        List<Item> out = new ArrayList<>();
        for (Item top : all) {
            if (top.parentId() != null) continue;
            out.add(top);
            for (Item child : all) if (Long.valueOf(top.id()).equals(child.parentId())) out.add(child);
        }
        return out;
    }

    /** A menu as the layout shows it. */
    public List<MenuItem> tree(String menu) {
        List<Item> items = list(menu);
        List<MenuItem> out = new ArrayList<>();
        for (Item top : items) {
            if (top.parentId() != null) continue;
            List<MenuItem> children = items.stream().filter(c -> Long.valueOf(top.id()).equals(c.parentId()))
                .map(c -> new MenuItem(c.href(), c.label(), List.of())).toList();
            out.add(new MenuItem(top.href(), top.label(), children));
        }
        return out;
    }

    /**
     * Adds an item at the end of {@code menu} (or of its parent's items); refused for an unknown menu, an empty or
     * long label, an address that is neither http(s) nor a path of this site, or a parent that is not a top-level
     * item of the same menu.
     */
    public long add(String menu, String label, String href, Long parentId) {
        if (!HEADER.equals(menu) && !FOOTER.equals(menu)) throw new PageStore.Refused("menu " + menu, "menu.error.menu");
        String text = label == null ? "" : label.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > LABEL_MAX) throw new PageStore.Refused("menu label " + text, "menu.error.label");
        String url = href == null ? "" : href.strip();
        if (!url.matches("(?i)https?://[^\\s<>\"]+") && !url.matches("/([^/\\s][^\\s<>\"]*)?")) throw new PageStore.Refused("menu link " + url, "menu.error.href");
        return jdbi.inTransaction(h -> {
            if (parentId != null) {
                var parent = h.createQuery("SELECT menu, parent_id FROM menu_item WHERE id = :id").bind("id", parentId)
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getObject(2)}).findOne()
                    .orElseThrow(() -> new PageStore.Refused("no menu item " + parentId, "menu.error.parent"));
                if (!menu.equals(parent[0]) || parent[1] != null) throw new PageStore.Refused("parent " + parentId + " is not a top item of " + menu, "menu.error.parent");
            }
            int position = h.createQuery("SELECT COALESCE(MAX(position), -1) + 1 FROM menu_item WHERE menu = :m").bind("m", menu).mapTo(Integer.class).one();
            long id = h.createUpdate("INSERT INTO menu_item (menu, parent_id, position, label, href) VALUES (:m, :p, :pos, :l, :h)")
                .bind("m", menu).bind("p", parentId).bind("pos", position).bind("l", text).bind("h", url)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            changes.append(h, ChangeKind.MENU_CHANGED, id);
            return id;
        });
    }

    /** Swaps an item with its neighbour above or below among its siblings. */
    public void move(long id, boolean up) {
        jdbi.useTransaction(h -> {
            Item item = h.createQuery("SELECT id, menu, parent_id, position, label, href FROM menu_item WHERE id = :id").bind("id", id)
                .map(ConstructorMapper.of(Item.class)).findOne().orElseThrow(() -> new PageStore.Refused("no menu item " + id, "menu.error.parent"));
            List<Item> siblings = h.createQuery("SELECT id, menu, parent_id, position, label, href FROM menu_item WHERE menu = :m AND "
                    + (item.parentId() == null ? "parent_id IS NULL" : "parent_id = :p") + " ORDER BY position, id")
                .bind("m", item.menu()).bind("p", item.parentId()).map(ConstructorMapper.of(Item.class)).list();
            int i = -1;
            for (int k = 0; k < siblings.size(); k++) if (siblings.get(k).id() == id) i = k;
            int j = up ? i - 1 : i + 1;
            if (i < 0 || j < 0 || j >= siblings.size()) return;
            h.createUpdate("UPDATE menu_item SET position = :p WHERE id = :id").bind("p", siblings.get(j).position()).bind("id", id).execute();
            h.createUpdate("UPDATE menu_item SET position = :p WHERE id = :id").bind("p", item.position()).bind("id", siblings.get(j).id()).execute();
            changes.append(h, ChangeKind.MENU_CHANGED, id);
        });
    }

    /** Removes an item and the items under it. */
    public void delete(long id) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM menu_item WHERE parent_id = :id").bind("id", id).execute();
            if (h.createUpdate("DELETE FROM menu_item WHERE id = :id").bind("id", id).execute() > 0) changes.append(h, ChangeKind.MENU_CHANGED, id);
        });
    }
}
