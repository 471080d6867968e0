package org.scalefreebench.datasets.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The catalogue of published dataset specs: every {@code *.json} under {@code datasets-spec/specs/},
 * packaged on the class path. Ids are the file names without {@code .json}; every spec is parsed
 * strictly when the catalogue loads, so a broken spec fails at once.
 */
public final class SpecCatalogue {

    /** Class-path folder holding the spec files. */
    public static final String RESOURCE_DIR = "org/scalefreebench/datasets/specs";

    private static volatile SpecCatalogue published;

    private final Map<String, DatasetSpec> specs;

    private SpecCatalogue(Map<String, DatasetSpec> specs) {
        this.specs = Collections.unmodifiableMap(new TreeMap<>(specs));
    }

    /** @return the catalogue of the specs shipped with this library */
    public static SpecCatalogue published() {
        SpecCatalogue c = published;
        if (c == null) {
            synchronized (SpecCatalogue.class) {
                c = published;
                if (c == null) {
                    c = loadPublished();
                    published = c;
                }
            }
        }
        return c;
    }

    /** @return every id, sorted */
    public List<String> ids() {
        return List.copyOf(specs.keySet());
    }

    /** @return every spec, sorted by id */
    public List<DatasetSpec> specs() {
        return List.copyOf(specs.values());
    }

    /**
     * @param id a spec id
     * @return the spec
     * @throws SpecException listing the known ids if there is no such spec
     */
    public DatasetSpec get(String id) {
        DatasetSpec s = specs.get(id);
        if (s == null) {
            throw new SpecException("unknown spec id '" + id + "'; known ids: " + String.join(", ", specs.keySet()));
        }
        return s;
    }

    /**
     * Reads one spec file from disk (e.g. a user's own spec, or a spec being pinned).
     *
     * @param file the JSON file; its name without {@code .json} must equal the id inside
     * @return the spec
     * @throws SpecException naming the file on any problem
     */
    public static DatasetSpec readFile(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json")) {
            throw new SpecException(file + ": a spec file's name must end in .json");
        }
        try {
            return SpecJson.parse(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.toString(),
                    name.substring(0, name.length() - ".json".length()));
        } catch (IOException e) {
            throw new SpecException(file + ": cannot be read: " + e);
        }
    }

    private static SpecCatalogue loadPublished() {
        URL url = SpecCatalogue.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            throw new IllegalStateException("no specs on the class path at " + RESOURCE_DIR);
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return fromDirectory(fs.getPath("/" + RESOURCE_DIR));
                }
            }
            return fromDirectory(Paths.get(url.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the specs at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad spec location " + url, e);
        }
    }

    private static SpecCatalogue fromDirectory(Path dir) throws IOException {
        Map<String, DatasetSpec> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json")) {
                    continue;
                }
                String id = name.substring(0, name.length() - ".json".length());
                try (InputStream in = Files.newInputStream(f)) {
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.put(id, SpecJson.parse(json, name, id));
                }
            }
        }
        return new SpecCatalogue(out);
    }
}
