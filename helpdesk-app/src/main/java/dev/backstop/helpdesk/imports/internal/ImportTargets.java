package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.ImportTarget;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every import kind the modules contribute, and who may import which. */
@Component
public class ImportTargets {

    private final Map<String, ImportTarget> byKind = new LinkedHashMap<>();

    ImportTargets(List<ImportTarget> targets) {
        targets.stream().sorted(Comparator.comparing(ImportTarget::kind)).forEach(target -> {
            if (byKind.put(target.kind(), target) != null) {
                throw new IllegalStateException("Two import targets for kind " + target.kind());
            }
        });
    }

    public Optional<ImportTarget> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public ImportTarget get(String kind) {
        return find(kind).orElseThrow(() -> ImportRefused.unknownKind(kind));
    }

    public List<ImportTarget> all() {
        return List.copyOf(byKind.values());
    }

    public static boolean mayImport(ImportTarget target, CurrentUser user) {
        return user.has(Role.ADMIN) || target.importers().stream().anyMatch(user::has);
    }

    public static boolean maySeeSensitive(ImportTarget target, CurrentUser user) {
        return target.sensitiveReaders().stream().anyMatch(user::has);
    }

    public List<ImportTarget> allowed(CurrentUser user) {
        return byKind.values().stream()
                .filter(target -> mayImport(target, user))
                .toList();
    }

    /** The target of a kind the user may import; 404 for an unknown kind, 403 for one they may not import. */
    public ImportTarget forImport(String kind, CurrentUser user) {
        ImportTarget target = get(kind);
        if (!mayImport(target, user)) {
            throw ImportRefused.notAllowed(kind);
        }
        return target;
    }

    /** Longest kind the file name starts with ({@code distributor-contacts_20261122.csv}). */
    Optional<ImportTarget> forFileName(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return byKind.values().stream()
                .filter(t -> name.startsWith(t.kind()))
                .max(Comparator.comparingInt(t -> t.kind().length()));
    }
}
