import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Prints every Spring test context key (MergedContextConfiguration, what Spring's context cache compares) of
 * helpdesk-app's test classes, the classes that share each key, and the keys that differ only in their inlined
 * properties. Run by context-keys.sh (needs the test classpath). Issue 19, ADR "fast build".
 */
public class ContextKeys {

    record Entry(String testClass, MergedContextConfiguration key, String shape, String properties, boolean dirties) {}

    public static void main(String[] args) throws Exception {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> test : dev.backstop.helpdesk.testsupport.SpringTestClasses.under(Path.of(args[0]))) {
            MergedContextConfiguration key =
                    BootstrapUtils.resolveTestContextBootstrapper(test).buildMergedContextConfiguration();
            String properties = String.join(" | ", new TreeSet<>(Arrays.asList(key.getPropertySourceProperties())));
            boolean dirties = MergedAnnotations.from(test, SearchStrategy.TYPE_HIERARCHY).isPresent(DirtiesContext.class)
                    || Arrays.stream(test.getMethods()).anyMatch(m -> m.isAnnotationPresent(DirtiesContext.class));
            entries.add(new Entry(label(test), key, shape(key), properties, dirties));
        }
        // distinct keys, in Spring's own equality
        Map<MergedContextConfiguration, List<Entry>> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        System.out.printf("# %d Spring test classes, %d distinct context keys%n%n", entries.size(), byKey.size());
        int n = 0;
        for (var group : byKey.entrySet()) {
            Entry first = group.getValue().getFirst();
            System.out.printf("K%02d  shape=%s%n     props=%s%n     classes=%s%n", ++n, first.shape(), first.properties(),
                    group.getValue().stream().map(e -> e.testClass() + (e.dirties() ? " [@DirtiesContext]" : ""))
                            .collect(Collectors.joining(", ")));
        }
        for (int i = 1; i < args.length; i++) { // one or more "fork-N class" lists
            perFork(Path.of(args[i]), byKey);
        }
        // the same keys with their inlined properties left out: which contexts differ only in properties
        Map<MergedContextConfiguration, List<Map.Entry<MergedContextConfiguration, List<Entry>>>> byShape =
                new LinkedHashMap<>();
        for (var group : byKey.entrySet()) {
            MergedContextConfiguration copy = withoutProperties(group.getKey());
            byShape.computeIfAbsent(copy, k -> new ArrayList<>()).add(group);
        }
        System.out.printf("%n# %d shapes: keys with their inlined properties left out%n", byShape.size());
        System.out.println("# (backstop.data-dir, the H2 database name and Boot's marker left out of the lines below)");
        byShape.entrySet().stream()
                .sorted(Comparator.comparing(s -> -s.getValue().size()))
                .forEach(s -> {
                    System.out.printf("%n%d keys: %s%n", s.getValue().size(), shape(s.getKey()));
                    for (var group : s.getValue()) {
                        System.out.printf("   [%s] %s%n", interesting(group.getKey()),
                                group.getValue().stream().map(Entry::testClass).collect(Collectors.joining(", ")));
                    }
                });
    }

    /**
     * Contexts each surefire JVM builds, from a list "fork-N top-level-class" of a run (the fork is in each
     * TEST-*.xml's properties): a key is built once in every fork that runs one of its classes (the cache keeps it).
     */
    static void perFork(Path forks, Map<MergedContextConfiguration, List<Entry>> byKey) throws IOException {
        Map<String, String> forkOf = new LinkedHashMap<>();
        for (String line : Files.readAllLines(forks)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                forkOf.put(parts[1], parts[0]);
            }
        }
        Map<String, Integer> builds = new java.util.TreeMap<>();
        for (List<Entry> classes : byKey.values()) {
            classes.stream()
                    .map(e -> forkOf.entrySet().stream()
                            .filter(f -> e.testClass().equals(f.getKey()) || e.testClass().startsWith(f.getKey() + "."))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse("unknown fork"))
                    .distinct()
                    .forEach(fork -> builds.merge(fork, 1, Integer::sum));
        }
        System.out.printf("# contexts built per fork with the class-to-fork assignment of %s: %s (%d in all)%n", forks,
                builds, builds.values().stream().mapToInt(Integer::intValue).sum());
        // each fork runs its classes in alphabetical order (runOrder=alphabetical): the largest number of other
        // contexts used between two uses of one context is what the cache must hold to never build it twice
        Map<String, List<MergedContextConfiguration>> sequence = new java.util.TreeMap<>();
        List<Map.Entry<String, MergedContextConfiguration>> ordered = new ArrayList<>();
        byKey.forEach((key, classes) -> classes.forEach(e -> ordered.add(Map.entry(e.testClass(), key))));
        ordered.sort(Map.Entry.comparingByKey());
        for (var e : ordered) {
            String fork = forkOf.entrySet().stream()
                    .filter(f -> e.getKey().equals(f.getKey()) || e.getKey().startsWith(f.getKey() + "."))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("unknown fork");
            sequence.computeIfAbsent(fork, f -> new ArrayList<>()).add(e.getValue());
        }
        sequence.forEach((fork, keys) -> {
            int needed = 1;
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i - 1; j >= 0; j--) {
                    if (keys.get(j).equals(keys.get(i))) {
                        java.util.Set<MergedContextConfiguration> between = new java.util.HashSet<>(keys.subList(j + 1, i));
                        between.remove(keys.get(i));
                        needed = Math.max(needed, between.size() + 1);
                        break;
                    }
                }
            }
            System.out.printf("# %s: %d classes in alphabetical order, %d contexts; a cache of %d never builds one twice%n",
                    fork, keys.size(), new java.util.HashSet<>(keys).size(), needed);
        });
        System.out.println();
    }

    static MergedContextConfiguration withoutProperties(MergedContextConfiguration key) {
        try {
            Field f = MergedContextConfiguration.class.getDeclaredField("propertySourceProperties");
            f.setAccessible(true);
            String[] properties = Arrays.stream(key.getPropertySourceProperties())
                    .filter(p -> !p.startsWith("org.springframework.boot.test.context.SpringBootTestContextBootstrapper"))
                    .filter(p -> !p.startsWith("backstop.data-dir=") && !p.startsWith("spring.datasource.url=jdbc:h2:mem:"))
                    .toArray(String[]::new);
            f.set(key, new String[0]);
            Field descriptors = MergedContextConfiguration.class.getDeclaredField("propertySourceDescriptors");
            descriptors.setAccessible(true);
            interesting.put(key, String.join(" | ", new TreeSet<>(Arrays.asList(properties))));
            return key;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Map<MergedContextConfiguration, String> interesting = new java.util.IdentityHashMap<>();

    static String interesting(MergedContextConfiguration key) {
        return interesting.get(key);
    }

    /** A top-level class and its @Nested classes (JUnit runs them inside the top-level one). */
    static String label(Class<?> test) {
        return test.getName().replace("dev.backstop.helpdesk.", "").replace('$', '.');
    }

    /** Everything of the key except the inlined properties and the test class. */
    static String shape(MergedContextConfiguration key) {
        List<String> parts = new ArrayList<>();
        parts.add(key.getClass().getSimpleName().replace("MergedContextConfiguration", "MCC"));
        if (key.getClasses().length > 0) {
            parts.add("classes=" + Arrays.stream(key.getClasses()).map(Class::getSimpleName).toList());
        }
        if (key.getLocations().length > 0) {
            parts.add("locations=" + Arrays.toString(key.getLocations()));
        }
        if (key.getActiveProfiles().length > 0) {
            parts.add("profiles=" + Arrays.toString(key.getActiveProfiles()));
        }
        if (!key.getContextInitializerClasses().isEmpty()) {
            parts.add("initializers=" + key.getContextInitializerClasses().stream().map(Class::getSimpleName).toList());
        }
        key.getPropertySourceDescriptors().stream().filter(d -> !d.locations().isEmpty())
                .forEach(d -> parts.add("@TestPropertySource(locations=" + d.locations() + ")"));
        parts.add("customizers=" + key.getContextCustomizers().stream().map(ContextKeys::customizer)
                .filter(s -> !s.isEmpty()).sorted().toList());
        parts.add("loader=" + key.getContextLoader().getClass().getSimpleName());
        if (key.getParent() != null) {
            parts.add("parent=" + shape(key.getParent()));
        }
        return String.join(" ", parts);
    }

    /** A customizer as text: the part of it that takes part in the cache key; the ones equal everywhere left out. */
    static String customizer(Object customizer) {
        String name = customizer.getClass().getSimpleName();
        return switch (name) {
            case "ImportsContextCustomizer" -> imports(field(field(customizer, "key"), "key"));
            case "BeanOverrideContextCustomizer" -> "@MockitoBean" + text(field(customizer, "handlers"));
            case "DynamicPropertiesContextCustomizer" -> {
                Object methods = field(customizer, "methods");
                yield methods instanceof java.util.Collection<?> c && c.isEmpty() ? "" : "@DynamicPropertySource" + text(methods);
            }
            case "SpringBootTestAnnotation" -> "webEnvironment=" + field(customizer, "webEnvironment");
            case "DuplicateJsonObjectContextCustomizer", "OnFailureConditionReportContextCustomizer",
                    "PropertyMappingContextCustomizer", "SpringBootTestRandomPortContextCustomizer" -> "";
            case "ModuleContextCustomizer" -> "@ApplicationModuleTest";
            case "TypeExcludeFiltersContextCustomizer" -> "slice";
            case "DisableAutoConfigurationContextCustomizer" -> "";
            default -> name;
        };
    }

    /** Our own imports by name; Boot's auto-configurations only as "MockMvc" (what @AutoConfigureMockMvc adds). */
    static String imports(Object key) {
        List<String> names = ((java.util.Collection<?>) key).stream().map(String::valueOf).sorted().toList();
        List<String> out = new ArrayList<>();
        if (names.stream().anyMatch(n -> n.endsWith(".MockMvcAutoConfiguration"))) {
            out.add("@AutoConfigureMockMvc");
        }
        List<String> own = names.stream().filter(n -> !n.startsWith("org.springframework.")).map(ContextKeys::text).toList();
        if (!own.isEmpty()) {
            out.add("@Import" + own);
        }
        List<String> other = names.stream().filter(n -> n.startsWith("org.springframework.") && !n.contains(".security.")
                && !n.contains(".webmvc.test.")).map(n -> n.substring(n.lastIndexOf('.') + 1)).toList();
        if (!other.isEmpty() && other.size() < 4) {
            out.add("@Import" + other);
        } else if (!other.isEmpty()) {
            out.add("@Import[" + other.size() + " auto-configurations]");
        }
        return String.join(", ", out);
    }

    static Object field(Object o, String name) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // superclass
            } catch (ReflectiveOperationException e) {
                return "?";
            }
        }
        return "?";
    }

    static String fields(Object o) {
        List<String> out = new ArrayList<>();
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(o);
                    out.add(f.getName() + "=" + text(value));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    out.add(f.getName() + "=?");
                }
            }
        }
        return out.isEmpty() ? "" : "{" + String.join(", ", out) + "}";
    }

    static String text(Object value) {
        if (value instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(ContextKeys::text).toList().toString();
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.stream().map(ContextKeys::text).sorted().toList().toString();
        }
        if (value != null && value.getClass().getSimpleName().equals("MockitoBeanOverrideHandler")) {
            Field f = (Field) field(value, "field");
            return f == null ? text(field(value, "beanType")) : f.getDeclaringClass().getSimpleName() + "." + f.getName();
        }
        String s = String.valueOf(value);
        return s.replace("dev.backstop.helpdesk.", "");
    }
}
