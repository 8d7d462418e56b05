package cn.streetgov.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The printable approval form (审批表) of finished cases: the district's header with the process's
 * name, the case number, subject, starter and dates, every step with organisation, post, person, decision
 * and opinion and a line to sign, the outcome; for whoever may read the case's record, a Chinese page
 * for anyone else; every text escaped.
 */
class CasePrintHttpTest extends WorkspaceTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldPrintAFinishedDelegationWithEveryStepOpinionAndSignatureLine() {
        ProcessInstance instance = FinishedCases.delegation(engine, jdbc);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndTime()).as("the delegation ended").isNotNull();

        String page = print("cgzf-off", instance);

        assertThat(page).contains("<div class=\"sg-print-district\">示范区</div>", "赋权下放审批表",
                "@media print", "size: A4", instance.getBusinessKey(), "城市管理和综合执法局 向东华街道、南湖街道下放 2 项权力",
                "吴强", "评估承接能力", "合法性审查", "确认编随事转", "区政府常务会议审定", "东华街道办事处", "南湖街道办事处",
                "东华街道办事处工作人员", "张伟", "附条件承接", "需派员带教", "合法", "批准并公布", "半年办件 126 件，群众满意",
                "办理结果：<strong>已公布</strong>", "打印审批表", "/_static/streetgov/print.js");
        // one signature line per step
        int steps = record("cgzf-off", instance).path("steps").size();
        assertThat(steps).isGreaterThanOrEqualTo(6);
        assertThat(count(page, "class=\"sg-print-step\"")).isEqualTo(steps);
        assertThat(count(page, "签字：<br>日期：")).isEqualTo(steps);
        assertThat(page).doesNotContain("cgzf-off", "s01-off", "APPROVE", "ACCEPT_WITH_CONDITIONS", "street-office-");
        // auditors and the case's organisations read it too
        assertThat(print("auditor", instance)).contains(instance.getBusinessKey());
        assertThat(print("s03-off", instance)).contains(instance.getBusinessKey());
    }

    @Test
    void shouldPrintAFinishedWhistleWithTheDepartmentsReports() {
        ProcessInstance instance = FinishedCases.whistle(engine, "路灯损坏<script>alert(1)</script>，夜间照明不足");

        String page = print("s01-off", instance);

        assertThat(page).contains("示范区", "街道吹哨、部门报到审批表", instance.getBusinessKey(), "部门报到", "联合处置",
                "东华派出所", "东华城管执法中队", "已派员到场处置", "积水已排除，道路恢复通行", "各单位报告",
                "办理结果：<strong>已办结</strong>", "签字：<br>日期：");
        // what people typed is text, never markup
        assertThat(page).contains("路灯损坏&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(print("s01-ga-head", instance)).contains(instance.getBusinessKey());
    }

    @Test
    void shouldRefuseTheFormToAnOfficialWhoMayNotReadTheCaseWithAChinesePage() {
        ProcessInstance instance = FinishedCases.whistle(engine, "占道经营，需联合整治");
        for (String stranger : List.of("s02-off", "s01-scjg-head", "zrzy-off")) {
            Http.Response refused = Http.as(port, stranger).get("/app/cases/" + instance.getId() + "/print");
            assertThat(refused.status()).as(stranger).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
            assertThat(refused.body()).contains("无权查阅案件 " + instance.getBusinessKey(), "返回任务列表")
                    .doesNotContain("占道经营", "\"message\"");
        }
        Http.Response unknown = Http.as(port, "auditor").get("/app/cases/no-such-case/print");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("案件不存在");
        assertThat(Http.anonymous(port).get("/app/cases/" + instance.getId() + "/print").status()).isEqualTo(401);
    }

    private String print(String user, ProcessInstance instance) {
        Http.Response response = Http.as(port, user).get("/app/cases/" + instance.getId() + "/print");
        assertThat(response.status()).as("%s: %s", user, response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        return response.body();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
