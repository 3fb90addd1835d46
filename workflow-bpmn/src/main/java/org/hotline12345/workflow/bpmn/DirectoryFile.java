package org.hotline12345.workflow.bpmn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.hotline12345.workflow.directory.Unit;

/**
 * The default organisation directory: a JSON file of the city's units, for hosts that keep no directory of their own.
 *
 * <pre>{@code
 * {"units": [
 *   {"id": "jinan", "name": "济南市"},
 *   {"id": "lixia", "name": "历下区", "parent": "jinan", "leader": "lixia-leader", "handlers": ["lixia"],
 *    "areaCodes": ["370102"], "categories": ["COMPLAINT", "HELP"]},
 *   {"id": "hotline-office", "name": "12345热线办", "hotlineOffice": true}
 * ]}
 * }</pre>
 *
 * Errors name the unit and the field: an unknown parent, a malformed id, an unknown category, a unit listed twice.
 */
public final class DirectoryFile {

    private DirectoryFile() {
    }

    public static InMemoryOrganisationDirectory read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode units = root == null ? null : root.get("units");
        if (units == null || !units.isArray()) {
            throw new IllegalArgumentException("organisation directory: expected {\"units\": [...]}");
        }
        List<Unit> read = new ArrayList<>();
        int index = 0;
        for (JsonNode unit : units) {
            String where = "organisation directory, unit " + index++;
            String id = text(unit, "id");
            if (id == null || !UnitId.isWellFormed(id)) {
                throw new IllegalArgumentException(where + ": id " + (id == null ? "is missing" : "'" + id + "' is not a valid unit id"));
            }
            where = "organisation directory, unit '" + id + "'";
            String name = text(unit, "name");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(where + ": name is missing");
            }
            String parent = text(unit, "parent");
            Set<Category> categories = new LinkedHashSet<>();
            for (String category : strings(unit, "categories")) {
                try {
                    categories.add(Category.valueOf(category));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": unknown category '" + category + "'", e);
                }
            }
            read.add(new Unit(UnitId.of(id), name, parent == null ? null : UnitId.of(parent), text(unit, "leader"),
                    strings(unit, "handlers"), strings(unit, "areaCodes"), categories,
                    unit.path("hotlineOffice").asBoolean(false)));
        }
        return new InMemoryOrganisationDirectory(read);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Set<String> strings(JsonNode node, String field) {
        Set<String> values = new LinkedHashSet<>();
        node.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
