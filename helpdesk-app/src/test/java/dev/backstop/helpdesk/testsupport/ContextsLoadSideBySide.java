package dev.backstop.helpdesk.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextBootstrapper;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.cache.ContextCache;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.context.support.DefaultBootstrapContext;

/**
 * Lets test classes running side by side (three at a time, ADR 0040) start their Spring contexts at the same time and
 * go on with their tests while another class's context starts. Spring's {@link DefaultCacheAwareContextLoaderDelegate}
 * holds the context cache's lock for the whole start of a context (seconds) and takes it again before and after every
 * test method of every class (the test-execution events ask whether the context is loaded): one class starting a
 * context stopped the other two at their next test. JFR in one verify: 199 s of worker threads blocked on that lock,
 * the machine ~60 % busy for the last two minutes.
 *
 * <p>A JUnit extension, detected from {@code META-INF/services} for every class of this module, hands Spring's
 * {@link SpringExtension} the {@link TestContextManager} of the class before SpringExtension makes one itself (it
 * takes the one in its store), built as Spring builds it but with {@link Loader} as the context loader. The loader
 * starts a context under a lock of its own key, outside the cache's lock, and puts it into Spring's one cache; a cache
 * hit, the pause and restart of idle contexts, {@code @DirtiesContext} and the failure count stay Spring's, under the
 * cache's lock as before. A context that fails to start is started once more by Spring's own code, so that the
 * failure is counted and reported as Spring reports it. {@link ContextsLoadSideBySideTests} fails if SpringExtension
 * stops taking the manager from its store (a Spring upgrade), rather than the build silently slowing down. (Spring's
 * AOT test mode, which swaps the configuration key, is not used here.)
 */
public class ContextsLoadSideBySide implements BeforeAllCallback, TestInstancePreConstructCallback {

    /** Where {@link SpringExtension} keeps a class's manager: its root store, this namespace, the class as key. */
    private static final ExtensionContext.Namespace SPRING_EXTENSION =
            ExtensionContext.Namespace.create(SpringExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        offerManager(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        offerManager(context);
    }

    private static void offerManager(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (!SpringTestClasses.isSpringTest(testClass)) {
            return;
        }
        context.getRoot()
                .getStore(SPRING_EXTENSION)
                .computeIfAbsent(testClass, ContextsLoadSideBySide::manager, TestContextManager.class);
    }

    private static TestContextManager manager(Class<?> testClass) {
        TestContextBootstrapper bootstrapper = BootstrapUtils.resolveTestContextBootstrapper(testClass);
        bootstrapper.setBootstrapContext(new DefaultBootstrapContext(testClass, new Loader()));
        return new TestContextManager(bootstrapper);
    }

    /** The test classes whose context {@link Loader} handed out (for {@link ContextsLoadSideBySideTests}). */
    static boolean servedBy(Class<?> testClass) {
        return Loader.SERVED.contains(testClass);
    }

    /** Spring's context loader with the start of a context outside the cache's lock. */
    static final class Loader extends DefaultCacheAwareContextLoaderDelegate {

        private static final ConcurrentMap<MergedContextConfiguration, Object> STARTING = new ConcurrentHashMap<>();
        private static final Set<Class<?>> SERVED = ConcurrentHashMap.newKeySet();

        ContextCache cache() {
            return getContextCache();
        }

        /** Without the cache's lock: the cache's map is synchronized on its own. */
        @Override
        public boolean isContextLoaded(MergedContextConfiguration mergedConfig) {
            return getContextCache().contains(mergedConfig);
        }

        @Override
        public ApplicationContext loadContext(MergedContextConfiguration mergedConfig) {
            synchronized (STARTING.computeIfAbsent(mergedConfig, key -> new Object())) {
                ContextCache cache = getContextCache();
                if (!cache.contains(mergedConfig) && cache.getFailureCount(mergedConfig) == 0) {
                    startOutsideTheCachesLock(mergedConfig, cache);
                }
                ApplicationContext context = super.loadContext(mergedConfig);
                SERVED.add(mergedConfig.getTestClass());
                return context;
            }
        }

        private void startOutsideTheCachesLock(MergedContextConfiguration mergedConfig, ContextCache cache) {
            ApplicationContext started;
            try {
                started = loadContextInternal(mergedConfig);
            } catch (Exception failed) {
                return; // super.loadContext starts it again and counts and reports the failure as Spring does
            }
            synchronized (cache) {
                cache.put(mergedConfig, key -> started);
            }
        }
    }
}
