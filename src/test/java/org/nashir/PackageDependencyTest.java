package org.nashir;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: Nashir's packages depend one way. The graph is read from the compiled classes by the JDK's own
 * {@code jdeps} (so inline fully-qualified names and templates' types count), and any cycle between
 * {@code org.nashir} packages fails with the packages that form it.
 */
class PackageDependencyTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.nashir[\\w.]*)\\s+->\\s+(org\\.nashir[\\w.]*)\\s", Pattern.MULTILINE);
    static Map<String, Set<String>> graph;

    @BeforeAll
    static void readGraph() throws URISyntaxException {
        Path classes = Path.of(Nashir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("this JDK has no jdeps"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", classes.toString());
        assertThat(status).as("jdeps: " + err).isZero();
        graph = new TreeMap<>();
        Matcher m = EDGE.matcher(out.toString());
        while (m.find()) {
            graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            if (!m.group(1).equals(m.group(2))) graph.get(m.group(1)).add(m.group(2));
        }
        assertThat(graph).as("jdeps found Nashir's packages in " + classes).containsKeys("org.nashir.web", "org.nashir.article");
    }

    @Test
    void no_cycle_between_nashir_packages() {
        assertThat(cycles(graph)).as("package graph: " + graph).isEmpty();
    }

    @Test
    void the_web_package_knows_no_feature() {
        assertThat(graph.get("org.nashir.web")).isSubsetOf("org.nashir.arabic", "org.nashir.config", "org.nashir.storage");
    }

    @Test
    void the_lowest_packages_depend_on_no_other() {
        assertThat(graph.getOrDefault("org.nashir.storage", Set.of())).isEmpty();
        assertThat(graph.getOrDefault("org.nashir.arabic", Set.of())).isEmpty();
        assertThat(graph.getOrDefault("org.nashir.config", Set.of())).isSubsetOf("org.nashir.storage");
    }

    @Test
    void only_the_commands_and_the_demo_use_the_wiring() {
        List<String> users = graph.entrySet().stream().filter(e -> e.getValue().contains("org.nashir")).map(Map.Entry::getKey).toList();
        assertThat(users).isSubsetOf("org.nashir.cli", "org.nashir.demo");
    }

    @Test
    void a_cycle_is_found_when_there_is_one() {
        Map<String, Set<String>> withCycle = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertThat(cycles(withCycle)).containsExactly(List.of("a", "b", "c"));
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : g.keySet()) if (!index.containsKey(v)) connect(v, g, index, low, stack, onStack, out, counter);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                                Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) out.add(component.stream().sorted().toList());
        }
    }
}
