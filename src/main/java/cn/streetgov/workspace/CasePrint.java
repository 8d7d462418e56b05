package cn.streetgov.workspace;

import static cn.streetgov.workspace.AppPages.escape;

import cn.streetgov.approval.CaseRecordView;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseItem;
import cn.streetgov.workspace.CaseViews.CaseRecord;
import cn.streetgov.workspace.CaseViews.Report;
import cn.streetgov.workspace.CaseViews.Step;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The printable approval form of a case (审批表), the way paper forms look: the district's header with
 * the process's name, the case number, subject, starter and dates, one row per step with the
 * organisation, post, person, decision, opinion and time and a line to sign and date, the other
 * approval operations and the reports, the outcome. Built from the case's record
 * ({@link CaseRecords#record}), so it is read by whoever may read the record, and nobody else. A4, in
 * the browser's print dialog; every text is escaped.
 */
@Component
class CasePrint {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> DECISION_TYPES = List.of("APPROVE", "REJECT", "COMMENT");

    private final CaseRecords records;
    private final OrgDirectory orgs;

    CasePrint(CaseRecords records, OrgDirectory orgs) {
        this.records = records;
        this.orgs = orgs;
    }

    String page(CurrentUser user, String processInstanceId) {
        CaseRecord record = records.record(user, processInstanceId);
        CaseItem c = record.caseItem();
        String district = orgs.districtName().orElse("");
        String form = formName(c.processName());
        String title = district + form;
        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>%s %s</title>
                <style>
                  @page { size: A4; margin: 15mm 12mm; }
                  body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Songti SC", serif; color: #000; margin: 0; background: #eee; }
                  .sheet { width: 186mm; min-height: 267mm; margin: 12px auto; padding: 10mm 12mm; background: #fff; box-sizing: border-box; }
                  .toolbar { text-align: center; margin: 12px; font-family: sans-serif; }
                  .toolbar button { font-size: 15px; padding: 6px 24px; }
                  header { text-align: center; margin-bottom: 6mm; }
                  header .sg-print-district { font-size: 16px; letter-spacing: 4px; }
                  header h1 { font-size: 24px; margin: 4px 0 0; letter-spacing: 2px; }
                  .sg-print-no { text-align: right; font-size: 13px; margin-bottom: 2mm; }
                  table { width: 100%%; border-collapse: collapse; font-size: 12.5px; }
                  th, td { border: 1px solid #000; padding: 4px 5px; vertical-align: top; text-align: left; word-break: break-all; }
                  th { background: #f2f2f2; font-weight: 600; white-space: nowrap; }
                  .sg-print-head th { width: 16%%; }
                  h2 { font-size: 15px; margin: 6mm 0 2mm; }
                  .sg-sign { white-space: nowrap; line-height: 2.2; }
                  .sg-print-outcome { margin-top: 6mm; font-size: 15px; }
                  .sg-print-outcome strong { font-size: 16px; }
                  footer { margin-top: 8mm; font-size: 11px; color: #444; text-align: right; }
                  tr { page-break-inside: avoid; }
                  @media print {
                    body { background: #fff; }
                    .toolbar { display: none; }
                    .sheet { width: auto; min-height: 0; margin: 0; padding: 0; }
                    th { background: #f2f2f2 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
                  }
                </style>
                </head>
                <body>
                <div class="toolbar"><button type="button" id="sg-print">打印审批表</button></div>
                <div class="sheet sg-print">
                """.formatted(escape(c.caseNo()), escape(title)));
        html.append("<header><div class=\"sg-print-district\">").append(escape(district)).append("</div>")
                .append("<h1 class=\"sg-print-title\">").append(escape(form)).append("</h1></header>\n");
        html.append("<div class=\"sg-print-no\">案件编号：<span class=\"sg-case-no\">").append(escape(c.caseNo()))
                .append("</span></div>\n");
        html.append("<table class=\"sg-print-head\"><tbody>\n");
        row(html, "事由", c.subject(), 3);
        html.append("<tr><th>发起人</th><td>").append(escape(c.starterName())).append("</td><th>发起时间</th><td>")
                .append(escape(time(c.startedAt()))).append("</td></tr>\n");
        html.append("<tr><th>所属单位</th><td>").append(escape(String.join("、", c.orgNames() == null ? List.of() : c.orgNames())))
                .append("</td><th>办结时间</th><td>").append(escape(c.endedAt() == null ? "尚未办结" : time(c.endedAt())))
                .append("</td></tr>\n");
        html.append("<tr><th>状态</th><td colspan=\"3\">").append(escape(c.stateLabel()));
        if (c.endedAt() == null && !c.currentSteps().isEmpty()) {
            html.append("（当前环节：");
            html.append(escape(String.join("、", c.currentSteps().stream()
                    .map(s -> s.name() + (s.orgName() == null ? "" : "（" + s.orgName() + "）")).toList())));
            html.append("）");
        }
        html.append("</td></tr>\n</tbody></table>\n");

        html.append("<h2>审批过程</h2>\n<table class=\"sg-print-steps\"><thead><tr><th>序号</th><th>环节</th><th>单位</th>"
                + "<th>职务</th><th>办理人</th><th>结果</th><th>意见</th><th>时间</th><th>签字/日期</th></tr></thead><tbody>\n");
        int n = 0;
        Set<String> stepTasks = new HashSet<>();
        for (Step step : record.steps()) {
            stepTasks.add(step.taskId());
            html.append("<tr class=\"sg-print-step\"><td>").append(++n).append("</td><td>").append(escape(step.name()))
                    .append("</td><td>").append(escape(step.orgName())).append("</td><td>").append(escape(step.post()))
                    .append("</td><td>").append(escape(step.userName())).append("</td><td>").append(escape(result(step)))
                    .append("</td><td>").append(escape(step.opinion())).append("</td><td>")
                    .append(escape(time(step.endedAt() != null ? step.endedAt() : step.createdAt())))
                    .append("</td><td class=\"sg-sign\">签字：<br>日期：</td></tr>\n");
        }
        if (record.steps().isEmpty()) {
            html.append("<tr><td colspan=\"9\">尚无办理记录</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        List<CaseRecordView.Opinion> others = record.opinions().stream()
                .filter(o -> !(DECISION_TYPES.contains(o.type()) && o.taskId() != null && stepTasks.contains(o.taskId())))
                .toList();
        if (!others.isEmpty()) {
            html.append("<h2>其他审批操作</h2>\n<table class=\"sg-print-operations\"><thead><tr><th>时间</th><th>操作</th>"
                    + "<th>环节</th><th>办理人</th><th>单位及职务</th><th>说明</th></tr></thead><tbody>\n");
            for (CaseRecordView.Opinion o : others) {
                html.append("<tr><td>").append(escape(time(o.time()))).append("</td><td>").append(escape(o.typeLabel()))
                        .append("</td><td>").append(escape(o.stepName())).append("</td><td>").append(escape(o.userName()))
                        .append("</td><td>").append(escape(o.orgName()))
                        .append(o.post() == null ? "" : " · " + escape(o.post())).append("</td><td>")
                        .append(escape(o.text())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        if (!record.reports().isEmpty()) {
            html.append("<h2>各单位报告</h2>\n<table class=\"sg-print-reports\"><thead><tr><th>报告</th><th>单位</th>"
                    + "<th>报告人</th><th>时间</th><th>内容</th></tr></thead><tbody>\n");
            for (Report r : record.reports()) {
                html.append("<tr><td>").append(escape(r.title())).append("</td><td>").append(escape(r.orgName()))
                        .append("</td><td>").append(escape(r.userName())).append("</td><td>").append(escape(time(r.time())))
                        .append("</td><td>").append(escape(r.text())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("<div class=\"sg-print-outcome\">办理结果：<strong>")
                .append(escape(c.endedAt() == null ? "尚未办结" : c.outcomeLabel() == null ? "已办结" : c.outcomeLabel()))
                .append("</strong></div>\n");
        html.append("<footer>本表根据案件记录生成 · 打印时间 ")
                .append(escape(time(CaseClock.instant().atZone(CaseClock.zone()).toOffsetDateTime())))
                .append("</footer>\n</div>\n");
        html.append("<script src=\"/_static/streetgov/print.js\"></script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** 赋权下放审批 → 赋权下放审批表, 街道吹哨、部门报到 → 街道吹哨、部门报到审批表. */
    static String formName(String processName) {
        String name = processName == null || processName.isBlank() ? "案件" : processName;
        return name.endsWith("审批") ? name + "表" : name + "审批表";
    }

    private static void row(StringBuilder html, String label, String value, int colspan) {
        html.append("<tr><th>").append(label).append("</th><td colspan=\"").append(colspan).append("\">")
                .append(escape(value)).append("</td></tr>\n");
    }

    /** The step's decision in Chinese; a step without a choice reads its kind (办理意见), an open one 办理中. */
    private static String result(Step step) {
        if (step.decisionLabel() != null) {
            return step.decisionLabel();
        }
        if ("已完成".equals(step.stateLabel()) && step.typeLabel() != null) {
            return step.typeLabel();
        }
        return step.stateLabel();
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : MINUTES.format(at.atZoneSameInstant(CaseClock.zone()));
    }
}
