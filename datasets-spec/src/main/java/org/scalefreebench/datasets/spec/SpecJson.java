package org.scalefreebench.datasets.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.family.ControlParameter;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.lattice.Lattice;

/**
 * Reads and writes dataset specs as JSON. Reading is strict: a missing or malformed field is an
 * error that names the field and the file; unknown fields are rejected too, so a typo cannot
 * silently change a dataset.
 *
 * <pre>{@code
 * {
 *   "id": "percolation-L64-v1",
 *   "description": "...",
 *   "family": "site-percolation",
 *   "lattice": {"geometry": "square", "size": 64, "boundary": "open", "connectivity": 4},
 *   "p": {"from": "0.500", "to": "0.700", "step": "0.005"},      (or {"values": ["0.55", ...]})
 *   "rng": "XO_RO_SHI_RO_128_PP",
 *   "splits": {"train": {"samples_per_p": 500, "seed": 1}, ...},
 *   "sha256": {"train/maps.npy": "<64 hex digits>", ...}
 * }
 * }</pre>
 *
 * <p>The control parameter's key is the family's ({@link ControlParameter#name()}): {@code "p"} and
 * {@code samples_per_p} for site percolation, {@code "q"} and {@code samples_per_q} for critical
 * FK, each value checked against the parameter's range. A Markov-chain family's spec also states
 * its {@link ChainRule}: {@code "chain": {"pilot_sweeps": 6000, "burn_in_tau": 30, "min_burn_in":
 * 100, "thinning_tau": 5, "chains": 6}}; its lattice's boundary is the family's ({@code periodic}
 * for critical FK).
 */
public final class SpecJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SPLIT = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_P_VALUES = 100_000;

    private SpecJson() {}

    /** @return the shared JSON mapper (indenting output) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a spec.
     *
     * @param json   the JSON text
     * @param source the file name, for error messages
     * @param expectedId the id the file name implies, or null to accept any
     * @return the spec
     * @throws SpecException naming the file and field on any problem
     */
    public static DatasetSpec parse(String json, String source, String expectedId) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        return parse(root, source, expectedId);
    }

    /**
     * Parses a spec from a JSON tree.
     *
     * @param root   the tree
     * @param source the file name, for error messages
     * @param expectedId the id the file name implies, or null to accept any
     * @return the spec
     */
    public static DatasetSpec parse(JsonNode root, String source, String expectedId) {
        Reader r = new Reader(source);
        r.object(root, "(top level)");
        String id = r.text(root, "id");
        if (!ID.matcher(id).matches()) {
            throw r.error("id", "'" + id + "' is not an id of letters, digits, '.', '_' and '-'");
        }
        if (expectedId != null && !expectedId.equals(id)) {
            throw r.error("id", "is '" + id + "' but the file name says '" + expectedId + "'");
        }
        String description = r.text(root, "description");
        String familyId = r.text(root, "family");
        Family family = Families.find(familyId)
                .orElseThrow(() -> r.error(
                        "family",
                        "of spec " + id + " is '" + familyId + "', not a known family; known families: "
                                + String.join(", ", Families.ids())));
        ControlParameter parameter = family.parameter();
        String key = parameter.name();
        if (family.markovChain()) {
            r.only(root, "", "id", "description", "family", "lattice", key, "chain", "rng", "splits", "sha256");
        } else {
            r.only(root, "", "id", "description", "family", "lattice", key, "rng", "splits", "sha256");
        }

        JsonNode lattice = r.field(root, "lattice");
        r.object(lattice, "lattice");
        r.only(lattice, "lattice.", "geometry", "size", "boundary", "connectivity");
        r.oneOf(lattice, "lattice.", "geometry", "square");
        r.oneOf(lattice, "lattice.", "boundary", family.boundary());
        r.integer(lattice, "lattice.", "connectivity", 4, 4);
        int size = r.integer(lattice, "lattice.", "size", family.minSize(), Lattice.MAX_SIZE);

        List<BigDecimal> p = parseP(r, r.field(root, key), parameter);
        ChainRule chain = family.markovChain() ? parseChain(r, r.field(root, "chain")) : null;

        String rngName = r.text(root, "rng");
        RandomSource rng;
        try {
            rng = RandomSource.valueOf(rngName);
        } catch (IllegalArgumentException e) {
            throw r.error(
                    "rng",
                    "'" + rngName + "' is not a Commons RNG RandomSource; jumpable ones are "
                            + Arrays.stream(RandomSource.values())
                                    .filter(RandomSource::isJumpable)
                                    .map(Enum::name)
                                    .toList());
        }
        if (!rng.isJumpable()) {
            throw r.error("rng", rngName + " is not jumpable; the data contract draws map k from the k-th jump");
        }

        JsonNode splitsNode = r.field(root, "splits");
        r.object(splitsNode, "splits");
        if (splitsNode.isEmpty()) {
            throw r.error("splits", "is empty; at least one split is needed");
        }
        List<SplitSpec> splits = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = splitsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!SPLIT.matcher(name).matches()) {
                throw r.error("splits." + name, "is not a split name of lower-case letters, digits, '_' and '-'");
            }
            String prefix = "splits." + name + ".";
            r.object(e.getValue(), "splits." + name);
            String perKey = "samples_per_" + key;
            r.only(e.getValue(), prefix, perKey, "seed");
            int perP = r.integer(e.getValue(), prefix, perKey, 1, Integer.MAX_VALUE);
            long seed = r.longInteger(e.getValue(), prefix, "seed");
            splits.add(new SplitSpec(name, perP, seed));
        }
        for (SplitSpec s : splits) {
            long n = (long) s.samplesPerP() * p.size();
            if (n > Integer.MAX_VALUE) {
                throw r.error(
                        "splits." + s.name() + ".samples_per_" + key,
                        "gives " + n + " maps, more than " + Integer.MAX_VALUE);
            }
        }

        Map<String, String> sha = new LinkedHashMap<>();
        JsonNode shaNode = root.get("sha256");
        DatasetSpec unpinned = new DatasetSpec(id, description, family, size, p, rng, splits, Map.of(), chain);
        if (shaNode != null) {
            r.object(shaNode, "sha256");
            List<String> expected = unpinned.files();
            for (Iterator<Map.Entry<String, JsonNode>> it = shaNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!expected.contains(e.getKey())) {
                    throw r.error(
                            "sha256." + e.getKey(), "names no file this spec generates; its files are " + expected);
                }
                String hex = r.text(shaNode, "sha256.", e.getKey());
                if (!HEX64.matcher(hex).matches()) {
                    throw r.error("sha256." + e.getKey(), "'" + hex + "' is not 64 lower-case hex digits");
                }
                sha.put(e.getKey(), hex);
            }
            for (String f : expected) {
                if (!sha.containsKey(f)) {
                    throw r.error("sha256." + f, "is missing: a pinned spec pins every file it generates");
                }
            }
        }
        return unpinned.withSha256(sha);
    }

    private static List<BigDecimal> parseP(Reader r, JsonNode node, ControlParameter parameter) {
        String key = parameter.name();
        r.object(node, key);
        List<BigDecimal> out = new ArrayList<>();
        if (node.has("values")) {
            r.only(node, key + ".", "values");
            JsonNode values = node.get("values");
            if (!values.isArray() || values.isEmpty()) {
                throw r.error(key + ".values", "must be a non-empty array of decimal strings");
            }
            for (int i = 0; i < values.size(); i++) {
                out.add(r.inRange(values.get(i), key + ".values[" + i + "]", parameter));
            }
        } else {
            r.only(node, key + ".", "from", "to", "step");
            BigDecimal from = r.inRange(r.field(node, key + ".", "from"), key + ".from", parameter);
            BigDecimal to = r.inRange(r.field(node, key + ".", "to"), key + ".to", parameter);
            BigDecimal step = r.decimal(r.field(node, key + ".", "step"), key + ".step");
            if (step.signum() <= 0) {
                throw r.error(key + ".step", step.toPlainString() + " must be positive");
            }
            if (to.compareTo(from) < 0) {
                throw r.error(key + ".to", to.toPlainString() + " is below " + key + ".from " + from.toPlainString());
            }
            BigDecimal[] qr = to.subtract(from).divideAndRemainder(step);
            if (qr[1].signum() != 0) {
                throw r.error(key + ".step", step.toPlainString() + " does not divide p.to − p.from exactly");
            }
            if (qr[0].compareTo(BigDecimal.valueOf(MAX_P_VALUES)) >= 0) {
                throw r.error(key + ".step", "gives more than " + MAX_P_VALUES + " p values");
            }
            int count = qr[0].intValueExact() + 1;
            for (int i = 0; i < count; i++) {
                out.add(from.add(step.multiply(BigDecimal.valueOf(i))));
            }
        }
        return out;
    }

    private static ChainRule parseChain(Reader r, JsonNode node) {
        r.object(node, "chain");
        r.only(node, "chain.", "pilot_sweeps", "burn_in_tau", "min_burn_in", "thinning_tau", "chains");
        return new ChainRule(
                r.integer(node, "chain.", "pilot_sweeps", 100, Integer.MAX_VALUE),
                r.integer(node, "chain.", "burn_in_tau", 1, 10_000),
                r.integer(node, "chain.", "min_burn_in", 0, Integer.MAX_VALUE),
                r.integer(node, "chain.", "thinning_tau", 1, 10_000),
                r.integer(node, "chain.", "chains", 1, 1_000_000));
    }

    /**
     * Writes a spec as JSON, in the form {@link #parse} reads. p values are written as a list.
     *
     * @param spec the spec
     * @return the JSON tree
     */
    public static ObjectNode toJson(DatasetSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", spec.id());
        root.put("description", spec.description());
        root.put("family", spec.family().id());
        ObjectNode lattice = root.putObject("lattice");
        lattice.put("geometry", "square");
        lattice.put("size", spec.size());
        lattice.put("boundary", spec.family().boundary());
        lattice.put("connectivity", 4);
        String key = spec.family().parameter().name();
        ArrayNode values = root.putObject(key).putArray("values");
        spec.p().forEach(v -> values.add(v.toPlainString()));
        if (spec.chain() != null) {
            ObjectNode chain = root.putObject("chain");
            chain.put("pilot_sweeps", spec.chain().pilotSweeps());
            chain.put("burn_in_tau", spec.chain().burnInTau());
            chain.put("min_burn_in", spec.chain().minBurnIn());
            chain.put("thinning_tau", spec.chain().thinningTau());
            chain.put("chains", spec.chain().chains());
        }
        root.put("rng", spec.rng().name());
        ObjectNode splits = root.putObject("splits");
        for (SplitSpec s : spec.splits()) {
            ObjectNode n = splits.putObject(s.name());
            n.put("samples_per_" + key, s.samplesPerP());
            n.put("seed", s.seed());
        }
        if (spec.pinned()) {
            ObjectNode sha = root.putObject("sha256");
            spec.sha256().forEach(sha::put);
        }
        return root;
    }

    /** Field access that names the file and field in every error. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        SpecException error(String field, String what) {
            return new SpecException(source + ": field '" + field + "' " + what);
        }

        void object(JsonNode node, String field) {
            if (node == null || !node.isObject()) {
                throw new SpecException(
                        source + ": " + ("(top level)".equals(field) ? "the file" : "field '" + field + "'")
                                + " must be a JSON object");
            }
        }

        void only(JsonNode node, String prefix, String... allowed) {
            List<String> names = Arrays.asList(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!names.contains(name)) {
                    throw error(prefix + name, "is not a known field; expected one of " + names);
                }
            }
        }

        JsonNode field(JsonNode node, String name) {
            return field(node, "", name);
        }

        JsonNode field(JsonNode node, String prefix, String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new SpecException(source + ": missing field '" + prefix + name + "'");
            }
            return v;
        }

        String text(JsonNode node, String name) {
            return text(node, "", name);
        }

        String text(JsonNode node, String prefix, String name) {
            JsonNode v = field(node, prefix, name);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(prefix + name, "must be a non-empty string");
            }
            return v.asText();
        }

        void oneOf(JsonNode node, String prefix, String name, String allowed) {
            String v = text(node, prefix, name);
            if (!v.equals(allowed)) {
                throw error(prefix + name, "is '" + v + "'; this version supports only '" + allowed + "'");
            }
        }

        int integer(JsonNode node, String prefix, String name, int min, int max) {
            JsonNode v = field(node, prefix, name);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                throw error(prefix + name, "is " + v + "; expected an integer in [" + min + ", " + max + "]");
            }
            return v.asInt();
        }

        long longInteger(JsonNode node, String prefix, String name) {
            JsonNode v = field(node, prefix, name);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(prefix + name, "is " + v + "; expected a 64-bit integer");
            }
            return v.asLong();
        }

        BigDecimal decimal(JsonNode v, String field) {
            if (!v.isTextual()) {
                throw error(field, "is " + v + "; expected a decimal written as a string, e.g. \"0.505\"");
            }
            try {
                return new BigDecimal(v.asText());
            } catch (NumberFormatException e) {
                throw error(field, "'" + v.asText() + "' is not a decimal number");
            }
        }

        BigDecimal inRange(JsonNode v, String field, ControlParameter parameter) {
            BigDecimal d = decimal(v, field);
            if (!parameter.allows(d)) {
                throw error(
                        field,
                        d.toPlainString() + " is outside the allowed range of the " + parameter.meaning() + " ["
                                + parameter.min().toPlainString() + ", "
                                + parameter.max().toPlainString() + "]");
            }
            return d;
        }
    }
}
