package cn.streetgov.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.org.DemoOrganisationSeeder;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.UnitType;
import cn.streetgov.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo organisation of CONTRACT.md, seeded once on an empty database. */
@IntegrationTest
class DemoOrganisationTest {

    @Autowired
    OrgDirectory directory;
    @Autowired
    DemoOrganisationSeeder seeder;

    @Test
    void streetsTownsDepartmentsAndAgenciesAreThoseOfTheContract() {
        assertThat(directory.units()).extracting(u -> u.getCode() + " " + u.getName() + " " + u.getType() + " " + u.isCentral())
                .containsExactly("S01 东华街道 STREET true", "S02 西岭街道 STREET true", "S03 南湖街道 STREET false",
                        "T01 青山镇 TOWN false");
        assertThat(directory.departments()).extracting(d -> d.getCode()).containsExactly("CGZF", "GA", "SCJG", "WJ", "ZRZY");
        assertThat(directory.agencies()).hasSize(12);
        Agency police = directory.requireAgency("S01-GA");
        assertThat(police.getName()).isEqualTo("东华派出所");
        assertThat(police.getDeptCode()).isEqualTo("GA");
        assertThat(police.hasHead()).isTrue();
        assertThat(directory.findAgency("T01", "SCJG")).get().extracting(Agency::getName).isEqualTo("青山市场监管所");
        assertThat(directory.findAgency("S01", "WJ")).isEmpty();
        assertThat(directory.requireUnit("T01").getType()).isEqualTo(UnitType.TOWN);
    }

    @Test
    void seedingAgainDoesNothing() {
        assertThat(seeder.seedIfEmpty()).isFalse();
        assertThat(directory.agencies()).hasSize(12);
    }

    @Test
    void unknownCodesAreRefusedInChinese() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.requireUnit("X99"))
                .hasMessage("未知的街道/镇: X99");
    }
}
