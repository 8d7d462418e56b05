package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import cn.streetgov.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may start which process: each workflow's declaration, resolved against the organisation model. */
@IntegrationTest
class StarterGroupsTest {

    @Autowired
    OrgDirectory directory;
    @Autowired
    List<ProcessStarters> starters;

    @Test
    void groupsOfARoleComeFromTheOrganisationModel() {
        assertThat(directory.groupsOf(PostRole.DEPARTMENT)).containsExactly("dept-CGZF", "dept-GA", "dept-SCJG",
                "dept-WJ", "dept-ZRZY");
        assertThat(directory.groupsOf(PostRole.STREET_OFFICE)).containsExactly("street-office-S01",
                "street-office-S02", "street-office-S03", "street-office-T01");
        assertThat(directory.groupsOf(PostRole.AGENCY)).hasSize(12).contains("agency-T01-SCJG");
        assertThat(directory.groupsOf(PostRole.ASSESSMENT_OFFICE)).containsExactly("assessment-office");
    }

    @Test
    void everyWorkflowDeclaresItsStarters() {
        Map<String, Object> byKey = starters.stream()
                .collect(Collectors.toMap(ProcessStarters::processKey, ProcessStarters::starterGroups));
        assertThat(byKey).containsEntry("power-delegation", directory.groupsOf(PostRole.DEPARTMENT))
                .containsEntry("power-revocation", directory.groupsOf(PostRole.DEPARTMENT))
                .containsEntry("cadre-consultation", directory.groupsOf(PostRole.DEPARTMENT))
                .containsEntry("street-suggestion", directory.groupsOf(PostRole.STREET_COMMITTEE))
                .containsEntry("whistle-dispatch", directory.groupsOf(PostRole.STREET_OFFICE))
                .containsEntry("agency-assessment", java.util.Set.of("assessment-office"))
                .containsEntry("major-matter-consultation", withGovernment(directory.groupsOf(PostRole.DEPARTMENT)))
                .containsEntry("duty-admission", directory.groupsOf(PostRole.DEPARTMENT));
        java.util.Set<String> streets = new java.util.TreeSet<>(directory.groupsOf(PostRole.STREET_COMMITTEE));
        streets.addAll(directory.groupsOf(PostRole.STREET_OFFICE));
        assertThat(byKey).containsEntry("duty-exit", streets);
    }

    private static java.util.Set<String> withGovernment(java.util.Set<String> departments) {
        java.util.Set<String> groups = new java.util.TreeSet<>(departments);
        groups.add("district-government");
        return groups;
    }
}
