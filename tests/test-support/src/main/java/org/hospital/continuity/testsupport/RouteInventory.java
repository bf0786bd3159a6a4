package org.hospital.continuity.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every JAX-RS route of the application, found from the compiled resource classes, and the role rule
 * each one carries. Shared by the route-role test and the adversarial suite, so a new endpoint is picked
 * up without anybody listing it.
 */
public final class RouteInventory {

    /** One route: HTTP method, path template as the OpenAPI document writes it, and the Java method behind it. */
    public record Route(String method, String path, Class<?> resource, Method javaMethod) {
        public String key() {
            return method + " " + path;
        }

        /** The explicit role rule, or empty: the method's own annotation wins over the class's. */
        public Optional<String> rule() {
            Optional<String> own = ruleOf(javaMethod);
            return own.isPresent() ? own : ruleOf(resource);
        }

        public boolean permitAll() {
            return rule().map(r -> r.equals("PermitAll")).orElse(false);
        }

        public Set<String> rolesAllowed() {
            RolesAllowed r = javaMethod.getAnnotation(RolesAllowed.class);
            if (r == null && ruleOf(javaMethod).isEmpty()) {
                r = resource.getAnnotation(RolesAllowed.class);
            }
            return r == null ? Set.of() : Set.of(r.value());
        }
    }

    private RouteInventory() {
    }

    static Optional<String> ruleOf(AnnotatedElement e) {
        if (e.isAnnotationPresent(PermitAll.class)) {
            return Optional.of("PermitAll");
        }
        if (e.isAnnotationPresent(DenyAll.class)) {
            return Optional.of("DenyAll");
        }
        if (e.isAnnotationPresent(Authenticated.class)) {
            return Optional.of("Authenticated");
        }
        RolesAllowed r = e.getAnnotation(RolesAllowed.class);
        return r == null ? Optional.empty() : Optional.of("RolesAllowed" + new TreeSet<>(List.of(r.value())));
    }

    /** The routes of every resource class under the package (main classes only, read from target/classes). */
    public static List<Route> scan(String basePackage) {
        List<Route> routes = new ArrayList<>();
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        java.nio.file.Path dir = root.resolve(basePackage.replace('.', '/'));
        List<String> names;
        try (var files = java.nio.file.Files.walk(dir)) {
            names = files.map(f -> root.relativize(f).toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace(java.io.File.separatorChar, '.')).sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot list " + dir.toAbsolutePath(), e);
        }
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, RouteInventory.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + name, e);
            }
            if (!type.isAnnotationPresent(Path.class) || type.isInterface()) {
                continue;
            }
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getMethods()) {
                String http = httpMethod(m);
                Path sub = m.getAnnotation(Path.class);
                if (http == null && sub != null) {
                    throw new AssertionError("sub-resource locator " + type.getSimpleName() + "." + m.getName()
                            + ": the route inventory does not follow locators; give it an HTTP method");
                }
                if (http == null) {
                    continue;
                }
                routes.add(new Route(http, normalise(base + "/" + (sub == null ? "" : sub.value())), type, m));
            }
        }
        routes.sort(Comparator.comparing(Route::key));
        return routes;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** {@code //a/{id: [0-9]+}/} → {@code /a/{id}}. */
    public static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    /** "METHOD path" of every operation in an OpenAPI document (JSON). */
    public static Set<String> openApiOperations(String json) {
        try {
            JsonNode paths = new ObjectMapper().readTree(json).path("paths");
            Set<String> ops = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                for (Iterator<String> m = e.getValue().fieldNames(); m.hasNext(); ) {
                    String method = m.next().toUpperCase();
                    if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(method)) {
                        ops.add(method + " " + normalise(e.getKey()));
                    }
                }
            }
            return ops;
        } catch (java.io.IOException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }

    /** Routes by key (several Java methods may share one key when they differ only by media type). */
    public static Map<String, List<Route>> byKey(List<Route> routes) {
        Map<String, List<Route>> out = new TreeMap<>();
        routes.forEach(r -> out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return out;
    }
}
