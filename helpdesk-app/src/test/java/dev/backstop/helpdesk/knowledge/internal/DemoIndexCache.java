package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.kb.Analysis;
import dev.backstop.kb.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Tests only: every test context of the whole application loads the same ~1,000 demo articles, and analysing them for
 * its fresh Lucene index (Chinese segmentation, ~1–3 s of CPU) was a large part of each context's start. This indexes
 * a given set of articles once per test JVM and copies that index into every later fresh index of the same articles
 * ({@code KnowledgeBase.addAllFrom}: segment files copied, nothing analysed again).
 *
 * <p>Why the copy is the index the context would have built itself:
 * <ul>
 *   <li>the key is a SHA-256 of every {@code kb_articles} column the index is fed from (id, revision, state, title,
 *       body, language, audience, category, desk, tags), read from this context's own database after its demo data
 *       (this runner comes after every other {@code ApplicationRunner}); other articles, another revision or state
 *       give another key, i.e. another index built for them;</li>
 *   <li>the cached index is built by the production code itself: a second {@link KnowledgeIndex} over a private index
 *       on this context's database ({@link KnowledgeIndex#start()}, the same rows, mapping and analyser), closed and
 *       never written again; each context gets a copy, so no context sees another's writes;</li>
 *   <li>the context's own {@link KnowledgeIndex} then starts as always, finds the index complete up to the newest
 *       revision of this database ({@code commit(source, revision)}) and goes on as usual: articles a test adds are
 *       indexed by the normal path.</li>
 * </ul>
 * Left alone (built as before): contexts without the knowledge base (slices, module tests), dense (hybrid) indexes,
 * an index that already belongs to this database (a file database reopened), and any run with
 * {@code -Dbackstop.test.demo-index-cache=false}. Registered for every Spring test in
 * {@code META-INF/spring.factories}; it is one and the same customizer for all, so it makes no extra context. The child
 * JVMs of the node tests start without it (the test framework's factories are not read by a plain application).
 * ADR "fast build".
 */
public class DemoIndexCache implements ContextCustomizerFactory {

    private static final Logger log = LoggerFactory.getLogger(DemoIndexCache.class);

    /** Article key → a closed index of exactly those articles, one per key and test JVM. */
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    private record Built(Path directory, long revision) {}

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return Boolean.parseBoolean(System.getProperty("backstop.test.demo-index-cache", "true"))
                ? new Customizer()
                : null;
    }

    /** The same for every test class (equal), so it never splits the context cache. */
    record Customizer() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition(Seed.class.getName(), new RootBeanDefinition(Seed.class));
            }
        }
    }

    /** Runs after the demo data (and every other runner), before {@link KnowledgeIndex#start()} on ready. */
    static final class Seed implements ApplicationRunner, Ordered {

        private final ObjectProvider<KnowledgeBase> kb;
        private final ObjectProvider<KnowledgeIndex> index;
        private final ObjectProvider<JdbcTemplate> jdbc;

        Seed(
                ObjectProvider<KnowledgeBase> kb,
                ObjectProvider<KnowledgeIndex> index,
                ObjectProvider<JdbcTemplate> jdbc) {
            this.kb = kb;
            this.index = index;
            this.jdbc = jdbc;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void run(ApplicationArguments args) {
            KnowledgeBase target = kb.getIfUnique();
            JdbcTemplate db = jdbc.getIfUnique();
            if (target == null || db == null || index.getIfUnique() == null || target.dense()) {
                return;
            }
            String source = KnowledgeIndex.databaseSource(db);
            Long newest = db.queryForObject("select max(revision) from kb_articles", Long.class);
            if (newest == null) {
                return; // no articles: nothing to analyse
            }
            if (source.equals(target.source()) && target.indexedRevision() <= newest) {
                return; // this database's own index (reopened): KnowledgeIndex catches it up as usual
            }
            String key = key(db);
            Built built = BUILT.computeIfAbsent(key, k -> build(db));
            // what KnowledgeIndex#start would do first with an index of another database
            target.deleteAll();
            target.addAllFrom(built.directory());
            target.commit(source, built.revision());
            log.info(
                    "Knowledge-base index of these {} articles copied from the one built earlier in this test JVM",
                    target.count());
        }

        /** The production indexing, once, into a private index on disk that is then closed for good. */
        private static Built build(JdbcTemplate db) {
            try {
                Path directory = Files.createTempDirectory("demo-kb-index");
                long revision;
                try (KnowledgeBase own = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
                    new KnowledgeIndex(own, db).start();
                    revision = own.indexedRevision();
                }
                return new Built(directory, revision);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** Every column {@code KnowledgeIndex} reads for a document, of every row, in id order. */
        private static String key(JdbcTemplate db) {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
            db.query("""
                    select id, revision, state, title, body, language, audience, category, desk, tags
                      from kb_articles order by id""", rs -> {
                for (int column = 1; column <= 10; column++) {
                    String value = rs.getString(column);
                    byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
                    digest.update((value == null ? "N" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                }
            });
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
