package io.leadqualifier.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadqualifier.facts.Lead;
import io.leadqualifier.policy.compile.PolicyClassLoader;

/** The engine's class loader asks the application once for a class or a resource it does not have. */
class PolicyClassLoaderTest {
    private final Application application = new Application();
    private final PolicyClassLoader loader = new PolicyClassLoader(application);

    @Test
    void aMissingClassIsAskedForOnce() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loader.loadClass("io.leadqualifier.facts.company")).isInstanceOf(ClassNotFoundException.class);
        }

        assertThat(application.classesAskedFor).containsOnlyOnce("io.leadqualifier.facts.company");
    }

    @Test
    void aMissingResourceIsAskedForOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(loader.getResource("io/leadqualifier/facts/company.class")).isNull();
        }

        assertThat(application.resourcesAskedFor).containsOnlyOnce("io/leadqualifier/facts/company.class");
    }

    @Test
    void classesAndResourcesItHasAreTheApplicationsOwn() throws Exception {
        assertThat(loader.loadClass(Lead.class.getName())).isSameAs(Lead.class);
        assertThat(loader.getResource("io/leadqualifier/facts/Lead.class")).isNotNull();
    }

    /** The application's class loader, counting what it is asked for. */
    private static final class Application extends ClassLoader {
        final List<String> classesAskedFor = new ArrayList<>();
        final List<String> resourcesAskedFor = new ArrayList<>();

        Application() {
            super(PolicyClassLoaderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            classesAskedFor.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            resourcesAskedFor.add(name);
            return super.getResource(name);
        }
    }
}
