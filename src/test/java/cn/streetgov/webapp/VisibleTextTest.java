package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The browser walk's reader of visible text: what it flags as English or codes, and what it lets pass. */
class VisibleTextTest {

    @Test
    void flagsEnglishWordsAndRawCodes() {
        assertThat(VisibleText.problems("评估的街道/镇 S01 承接意见 APPROVE")).hasSize(2)
                .anyMatch(p -> p.contains("镇 「S01」 承接")).anyMatch(p -> p.endsWith("「APPROVE」"));
        assertThat(VisibleText.problems("Field is required.")).hasSize(3);
        assertThat(VisibleText.problems("紧急程度 URGENT，部门 CGZF、GA")).hasSize(3);
        assertThat(VisibleText.problems("请选择 Select")).singleElement().asString().contains("「Select」");
        assertThat(VisibleText.problems("自评状态（SUBMITTED 已提交 / NOT_SUBMITTED 未提交）")).hasSize(2);
        assertThat(VisibleText.problems("承办人 s01-off")).singleElement().asString().contains("「s01-off」");
        assertThat(VisibleText.problems("日期和时间以本地时区显示： UTC")).hasSize(1);
        assertThat(VisibleText.problems("常委会会议日期 12/2/2026")).singleElement().asString().contains("「12/2/2026」");
    }

    @Test
    void letsCaseNumbersCatalogCodesTheBrandAndChinesePass() {
        assertThat(VisibleText.problems("【FQ-2026-0007】东华街道承接能力评估")).isEmpty();
        assertThat(VisibleText.problems("CS-2026-0012 RM-2026-0003 SH-2026-0001 JY-2026-0002")).isEmpty();
        assertThat(VisibleText.problems("考核 KH-2026-H2-S01-GA、KH-2031、KH-2026-Q4")).isEmpty();
        assertThat(VisibleText.problems("CGZF-XK-001 临时占用城市道路审批")).isEmpty();
        assertThat(VisibleText.problems("技术支持 Camunda Platform / v7.24.0")).isEmpty();
        assertThat(VisibleText.problems("到期 1 天后，2026-12-05 10:47，第 3 项，× ✓")).isEmpty();
    }

    @Test
    void namesTheCamunda8BannerAndTheCodesAroundAnAllowedNumber() {
        assertThat(VisibleText.problems("是时候迁移到 Camunda 8 了。Camunda 7 社区版（CE）"))
                .anyMatch(p -> p.contains("Camunda 8 迁移横幅")).anyMatch(p -> p.contains("「CE」"));
        assertThat(VisibleText.problems("FQ-2026-0007 DEVOLVE")).singleElement().asString().contains("「DEVOLVE」");
        assertThat(VisibleText.problems("KH-2026-S01-GA 与 S01-GA")).singleElement().asString()
                .contains("「S01-GA」");
    }
}
