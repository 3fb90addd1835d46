package org.hotline12345.workflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.UnitId;
import org.hotline12345.workflow.directory.InMemoryOrganisationDirectory;
import org.junit.jupiter.api.Test;

class DirectoryFileTest {

    private static InMemoryOrganisationDirectory read(String json) throws IOException {
        return DirectoryFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCitysUnitsAreReadWithTheirPeopleAreasAndCategories() throws IOException {
        var directory = read("""
                {"units": [
                  {"id": "jinan", "name": "济南市"},
                  {"id": "lixia", "name": "历下区", "parent": "jinan", "leader": "lixia-leader", "handlers": ["lixia", "lixia-2"],
                   "areaCodes": ["370102"], "categories": ["COMPLAINT"]},
                  {"id": "hotline-office", "name": "热线办", "hotlineOffice": true}
                ]}""");

        var lixia = directory.unit(UnitId.of("lixia")).orElseThrow();
        assertThat(lixia.parent()).isEqualTo(UnitId.of("jinan"));
        assertThat(lixia.leader()).isEqualTo("lixia-leader");
        assertThat(lixia.handlers()).containsExactlyInAnyOrder("lixia", "lixia-2");
        assertThat(lixia.areaCodes()).containsExactly("370102");
        assertThat(lixia.categories()).containsExactly(Category.COMPLAINT);
        assertThat(directory.unit(UnitId.of("hotline-office")).orElseThrow().hotlineOffice()).isTrue();
        assertThat(directory.exists(UnitId.of("atlantis"))).isFalse();
    }

    @Test
    void mistakesNameTheUnitAndTheField() {
        assertThatThrownBy(() -> read("{\"units\": [{\"id\": \"lixia\", \"name\": \"历下区\", \"parent\": \"jinan\"}]}"))
                .hasMessageContaining("lixia").hasMessageContaining("unknown parent jinan");
        assertThatThrownBy(() -> read("{\"units\": [{\"id\": \"Li Xia\", \"name\": \"历下区\"}]}"))
                .hasMessageContaining("'Li Xia' is not a valid unit id");
        assertThatThrownBy(() -> read("{\"units\": [{\"id\": \"lixia\", \"name\": \"历下区\", \"categories\": [\"GOSSIP\"]}]}"))
                .hasMessageContaining("unit 'lixia'").hasMessageContaining("unknown category 'GOSSIP'");
        assertThatThrownBy(() -> read("{\"units\": [{\"id\": \"lixia\"}]}")).hasMessageContaining("unit 'lixia': name is missing");
        assertThatThrownBy(() -> read("{\"units\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}"))
                .hasMessageContaining("unit listed twice: a");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("expected {\"units\": [...]}");
    }
}
