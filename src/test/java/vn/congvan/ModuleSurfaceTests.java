package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's top level is its API (Spring Modulith): it holds only what other modules call, so a
 * newcomer reads a module's surface in a glance. Types used inside one module live in its
 * subpackages (docs/architecture.md, "Where things live").
 */
class ModuleSurfaceTests {

    private static final String ROOT = "vn.congvan";

    /** Public top-level types no other module calls yet, each with the reason it stays. */
    private static final Map<String, String> KEPT = Map.of(
            "vn.congvan.registry.Confidentiality", "becomes part of the documents' typed metadata (issue 13, item 3)",
            "vn.congvan.registry.DossierOpened", "an event the registry publishes, as DossierClosed");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPublicTypeAtAModulesTopLevelIsCalledByAnotherModuleOrNamedByItsApi() {
        Set<JavaClass> surface = new HashSet<>();
        Deque<JavaClass> named = new ArrayDeque<>();
        for (JavaClass type : classes) {
            if (isPublicTopLevelOfAModule(type)
                    && (usedByAnotherModule(type) || namedInAnotherModulesTemplates(type))) {
                surface.add(type);
                named.add(type);
            }
        }
        // A type the API's public members name (parameters, results, fields) belongs to the surface too.
        while (!named.isEmpty()) {
            for (JavaClass type : namedByPublicMembers(named.pop())) {
                if (isPublicTopLevelOfAModule(type) && surface.add(type)) {
                    named.add(type);
                }
            }
        }
        Set<String> unused = new TreeSet<>();
        for (JavaClass type : classes) {
            if (isPublicTopLevelOfAModule(type)
                    && !surface.contains(type)
                    && !KEPT.containsKey(type.getName())
                    && !isCatalogue(type)) {
                unused.add(type.getName());
            }
        }
        assertThat(unused)
                .as("public types at a module's top level that no other module uses: move them into the subpackage "
                        + "that uses them")
                .isEmpty();
    }

    private static boolean isPublicTopLevelOfAModule(JavaClass type) {
        String pkg = type.getPackageName();
        return pkg.startsWith(ROOT + ".")
                && pkg.indexOf('.', ROOT.length() + 1) < 0
                && !pkg.equals(ROOT + ".shared")
                && type.isTopLevelClass()
                && type.getModifiers().contains(JavaModifier.PUBLIC)
                && !type.getSimpleName().equals("package-info");
    }

    /**
     * A module's catalogues, its audit actions ({@code <Module>AuditAction}) and its refusals
     * ({@code <Module>Refusals}), sit at its top level in every module, where a reader looks for
     * them, whether or not another module names them (AuditActionCataloguesTests, RefusalCataloguesTests).
     */
    private static boolean isCatalogue(JavaClass type) {
        String module = module(type);
        String prefix = Character.toUpperCase(module.charAt(0)) + module.substring(1);
        return type.getSimpleName().equals(prefix + "AuditAction")
                || type.getSimpleName().equals(prefix + "Refusals");
    }

    private static String module(JavaClass type) {
        String rest =
                type.getPackageName().substring(Math.min(type.getPackageName().length(), ROOT.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean usedByAnotherModule(JavaClass type) {
        return type.getDirectDependenciesToSelf().stream()
                .map(dependency -> dependency.getOriginClass())
                .anyMatch(origin -> origin.getPackageName().startsWith(ROOT + ".")
                        && !module(origin).equals(module(type)));
    }

    /** Thymeleaf templates of other modules name some enums, as {@code T(vn.congvan.registry.Priority)}. */
    private static boolean namedInAnotherModulesTemplates(JavaClass type) {
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !templates.relativize(file).startsWith(module(type)))
                    .anyMatch(file -> read(file).contains("T(" + type.getName() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<JavaClass> namedByPublicMembers(JavaClass type) {
        Set<JavaClass> named = new HashSet<>();
        for (JavaCodeUnit unit : type.getCodeUnits()) {
            if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                named.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                unit.getParameterTypes().forEach(parameter -> named.addAll(parameter.getAllInvolvedRawTypes()));
            }
        }
        for (JavaField field : type.getFields()) {
            if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
                named.addAll(field.getType().getAllInvolvedRawTypes());
            }
        }
        type.getInterfaces().forEach(parent -> named.addAll(parent.getAllInvolvedRawTypes()));
        return named;
    }
}
