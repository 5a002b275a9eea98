package io.leadqualifier.policy.compile;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader the engine compiles and runs a policy with: the application's, remembering the names it
 * does not know. Compiling a policy asks for many classes that do not exist (MVEL tries every identifier of
 * a constraint as a class name in every imported package, ECJ probes packages), and in the packaged service
 * each miss made Quarkus's class loader reopen the application jar: most of a reload's time went there.
 * The class path does not change while the service runs, so a miss stays a miss.
 */
public final class PolicyClassLoader extends ClassLoader {
    /** Plenty for the names any policy asks for; a policy made to ask for more only empties the memory. */
    private static final int MAX_REMEMBERED = 20_000;

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    public PolicyClassLoader(ClassLoader application) {
        super("policy", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            remember(missingClasses, name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL found = super.getResource(name);
        if (found == null) {
            remember(missingResources, name);
        }
        return found;
    }

    private static void remember(Set<String> missing, String name) {
        if (missing.size() >= MAX_REMEMBERED) {
            missing.clear();
        }
        missing.add(name);
    }
}
