package cn.streetgov.assessment.domain;

import cn.streetgov.casework.CaseDecision;
import cn.streetgov.casework.DecisionRecord;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.common.RacePoints;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Agency;
import cn.streetgov.org.domain.OrgUnit;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.whistle.WhistleMetricsQuery.AgencyFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business record of the assessment: campaigns, one case per (street/town, agency) pair, the
 * self-evaluation, objective figures, scores, the committee's decision (with the cap on EXCELLENT),
 * publicity, objections, arbitration, suggestions and the aggregated results. Runs inside the
 * engine's transaction, so a refused step leaves nothing behind.
 */
@Service
@Transactional
public class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    public static final String CASE_PREFIX = "KH";
    public static final int TEXT_MAX = 2000;

    private final AssessmentCampaignRepository campaigns;
    private final AssessmentCaseRepository cases;
    private final DecisionRecord decisions;
    private final AssessmentObjectionRepository objections;
    private final AssessmentResultRepository results;
    private final OrgDirectory org;
    private final AssessmentProperties properties;

    AssessmentService(AssessmentCampaignRepository campaigns, AssessmentCaseRepository cases,
            DecisionRecord decisions, AssessmentObjectionRepository objections,
            AssessmentResultRepository results, OrgDirectory org, AssessmentProperties properties) {
        this.campaigns = campaigns;
        this.cases = cases;
        this.decisions = decisions;
        this.objections = objections;
        this.results = results;
        this.org = org;
        this.properties = properties;
    }

    /** The user acting, with the Camunda group (organisation) the decision is taken for. */
    public record Actor(String userId, String group) {
    }

    /** The street office's scores (0–100 each), the veto item and the reasons. */
    public record Scores(Integer command, Integer duty, Integer style, Integer cooperation, Integer satisfaction,
            boolean veto, String vetoReason, String changeReason) {
    }

    // ---- campaign ----

    /**
     * Opens the campaign of {@code period} (refused with a Chinese reason when the period is
     * malformed, already assessed, or a street code is unknown).
     *
     * @param orgCodes the streets/towns to assess; empty: all of them
     */
    public AssessmentCampaign openCampaign(String period, List<String> orgCodes, Actor opener,
            String processInstanceId) {
        String code = AssessmentPeriod.parse(period);
        List<String> errors = new ArrayList<>();
        campaigns.findByPeriod(code).ifPresent(existing -> errors.add("考核期 " + code + " 已发起过考核（"
                + existing.caseNo() + "），不能重复发起"));
        for (String orgCode : orgCodes) {
            if (org.findUnit(orgCode).isEmpty()) {
                errors.add("未知的街道/镇: " + orgCode);
            } else if (org.findActiveUnit(orgCode).isEmpty()) {
                errors.add("已停用的街道/镇: " + orgCode + "，不能再参加新的考核");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (pairs(orgCodes).isEmpty()) {
            throw new InvalidInputException("所选街道/镇没有派驻机构，无需考核");
        }
        AssessmentCampaign campaign = campaigns.save(new AssessmentCampaign(code, processInstanceId,
                opener == null ? null : opener.userId(), opener == null ? null : opener.group(), CaseClock.now()));
        log.info("考核 {} 已发起（{} 个派驻机构）", campaign.caseNo(), pairs(orgCodes).size());
        return campaign;
    }

    public boolean periodOpened(String period) {
        return campaigns.existsByPeriod(AssessmentPeriod.parse(period));
    }

    /** The agencies to assess (every agency of the given streets/towns, or of all), ordered by code. */
    @Transactional(readOnly = true)
    public List<String> pairs(List<String> orgCodes) {
        return org.agencies().stream().filter(a -> orgCodes.isEmpty() || orgCodes.contains(a.getOrgCode()))
                .map(Agency::getCode).toList();
    }

    /** The periods of all campaigns, the latest opened first. */
    @Transactional(readOnly = true)
    public List<String> periods() {
        return campaigns.findAllByOrderByIdDesc().stream().map(AssessmentCampaign::getPeriod).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AssessmentCampaign> campaignOf(String period) {
        return campaigns.findByPeriod(AssessmentPeriod.parse(period));
    }

    @Transactional(readOnly = true)
    public AssessmentCampaign requireCampaign(Long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("未知的考核: " + id));
    }

    // ---- case ----

    /** Opens the assessment of one agency in the campaign; its case number is the business key. */
    public AssessmentCase openCase(Long campaignId, String agencyCode, String processInstanceId) {
        if (campaignId == null || agencyCode == null) {
            throw new InvalidInputException("考核案件须由考核发起（缺少 campaignId 或 agencyCode）");
        }
        AssessmentCampaign campaign = requireCampaign(campaignId);
        Agency agency = org.requireAgency(agencyCode);
        String caseNo = caseNo(campaign.getPeriod(), agency.getCode());
        if (cases.findByCaseNo(caseNo).isPresent()) {
            throw new InvalidInputException("派驻机构 " + agency.getName() + " 在考核期 " + campaign.getPeriod()
                    + " 已有考核（" + caseNo + "）");
        }
        AssessmentCase assessment = new AssessmentCase(campaignId, caseNo, campaign.getPeriod(), agency.getOrgCode(),
                agency.getDeptCode(), agency.getCode(), CaseClock.now());
        assessment.setProcessInstanceId(processInstanceId);
        return cases.save(assessment);
    }

    /** KH-{period}-{agency}, e.g. KH-2026-H2-S01-GA. */
    public static String caseNo(String period, String agencyCode) {
        return CASE_PREFIX + "-" + period + "-" + agencyCode;
    }

    @Transactional(readOnly = true)
    public AssessmentCase requireCase(Long id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("未知的考核案件: " + id));
    }

    @Transactional(readOnly = true)
    public Optional<AssessmentCase> findCase(String caseNo) {
        return cases.findByCaseNo(caseNo);
    }

    @Transactional(readOnly = true)
    public List<AssessmentCase> casesOf(Long campaignId) {
        return cases.findByCampaignIdOrderByAgencyCodeAsc(campaignId);
    }

    /** Every assessment of these agencies, the latest opened first. */
    @Transactional(readOnly = true)
    public List<AssessmentCase> casesOfAgencies(java.util.Collection<String> agencyCodes) {
        return agencyCodes.isEmpty() ? List.of() : cases.findByAgencyCodeInOrderByIdDesc(agencyCodes);
    }

    @Transactional(readOnly = true)
    public List<CaseDecision> decisionsOf(Long caseId) {
        return decisions.ofCase(requireCase(caseId).getCaseNo());
    }

    @Transactional(readOnly = true)
    public List<AssessmentObjection> objectionsOf(Long caseId) {
        return objections.findByCaseIdOrderByRoundNoAsc(caseId);
    }

    @Transactional(readOnly = true)
    public List<AssessmentResult> resultsOf(Long campaignId, String dimension) {
        return results.findByCampaignIdAndDimensionOrderByCodeAsc(campaignId, dimension);
    }

    /** Attaches the whistle figures of the period and pre-fills the command-and-dispatch score from them. */
    public AssessmentCase attachFigures(Long caseId, AgencyFigures figures, LocalDateTime selfDue) {
        AssessmentCase c = requireCase(caseId);
        c.setObjSummoned((int) figures.summoned());
        c.setObjOnTime((int) figures.onTime());
        c.setObjLate((int) figures.late());
        c.setObjOnTimeRate(BigDecimal.valueOf(figures.onTimeRate()).setScale(4, RoundingMode.HALF_UP));
        c.setObjAvgReportMinutes(decimal(figures.avgReportMinutes()));
        c.setObjAvgSatisfaction(decimal(figures.avgSatisfaction()));
        c.setObjAt(CaseClock.now());
        c.setPrefilledCommand(figures.summoned() == 0 ? properties.commandScoreWithoutSummons()
                : (int) Math.round(figures.onTimeRate() * 100));
        c.setSelfDue(selfDue);
        return c;
    }

    public void recordSelfEvaluation(Long caseId, Integer score, String report, Actor actor) {
        List<String> errors = new ArrayList<>();
        if (score == null || score < 0 || score > 100) {
            errors.add("自评分应为 0 到 100 的整数");
        }
        String text = text(report, "自评报告", errors, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AssessmentCase c = requireCase(caseId);
        c.setSelfStatus(SelfStatus.SUBMITTED);
        c.setSelfScore(score);
        c.setSelfReport(text);
        c.setSelfBy(actor.userId());
        c.setSelfAt(CaseClock.now());
    }

    public void recordSelfEvaluationMissed(Long caseId) {
        AssessmentCase c = requireCase(caseId);
        c.setSelfStatus(SelfStatus.NOT_SUBMITTED);
        log.info("{}: 派驻机构未在期限内提交自评，考核继续", c.getCaseNo());
    }

    /** Checks and records the street office's scores (all problems at once). */
    public void recordScores(Long caseId, Scores scores, Actor actor) {
        AssessmentCase c = requireCase(caseId);
        List<String> errors = new ArrayList<>();
        score(scores.command(), "指挥调度", errors);
        score(scores.duty(), "履职清单", errors);
        score(scores.style(), "工作作风", errors);
        score(scores.cooperation(), "协作配合", errors);
        score(scores.satisfaction(), "群众满意度", errors);
        String vetoReason = text(scores.vetoReason(), "一票否决事项及理由", errors, scores.veto());
        boolean changed = c.getPrefilledCommand() != null && scores.command() != null
                && !c.getPrefilledCommand().equals(scores.command());
        String changeReason = text(scores.changeReason(), "修改预填指挥调度分的理由", errors, changed);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        c.setScoreCommand(scores.command());
        c.setScoreDuty(scores.duty());
        c.setScoreStyle(scores.style());
        c.setScoreCooperation(scores.cooperation());
        c.setScoreSatisfaction(scores.satisfaction());
        c.setVetoItem(scores.veto());
        c.setVetoReason(scores.veto() ? vetoReason : null);
        c.setScoreChangeReason(changed ? changeReason : null);
        c.setScoredBy(actor.userId());
        c.setScoredGroup(actor.group());
        c.setScoredAt(CaseClock.now());
    }

    /** The grade DMN assessment-grade proposes on the office's scores. */
    public void recordProposal(Long caseId, double total, String grade) {
        AssessmentCase c = requireCase(caseId);
        c.setProposedScore(decimal(total));
        c.setProposedGrade(Grade.of(grade));
    }

    /**
     * The committee's decision. The resulting grade is refused when the street's cap on EXCELLENT
     * is already reached by the cases its committee has decided.
     */
    public void recordCommittee(Long caseId, String decision, Double adjustedScore, String reason, double total,
            String grade, Actor actor) {
        AssessmentCase c = requireCase(caseId);
        checkExcellentCap(c, Grade.of(grade));
        c.setCommitteeDecision(decision);
        c.setAdjustedScore(decimal(adjustedScore));
        c.setAdjustReason(reason);
        c.setCommitteeBy(actor.userId());
        c.setCommitteeGroup(actor.group());
        c.setCommitteeAt(CaseClock.now());
        c.setTotalScore(decimal(total));
        c.setGrade(Grade.of(grade));
    }

    /** Where two committee decisions of one campaign may collide on the cap (tests hold both there). */
    public static final String RACE_EXCELLENT_CAP = "assessment.excellent-cap";

    /**
     * Refuses an EXCELLENT beyond the street's cap. The campaign row is locked first (until the
     * engine's transaction ends), so that two committees deciding at the same moment take their
     * turns: the second counts the first's EXCELLENT and is refused.
     */
    private void checkExcellentCap(AssessmentCase c, Grade grade) {
        if (grade != Grade.EXCELLENT) {
            return;
        }
        RacePoints.reached(RACE_EXCELLENT_CAP);
        campaigns.lockById(c.getCampaignId())
                .orElseThrow(() -> new NotFoundException("未知的考核: " + c.getCampaignId()));
        long assessed = cases.countByCampaignIdAndOrgCode(c.getCampaignId(), c.getOrgCode());
        int cap = properties.excellentCap(assessed);
        long excellent = cases.countByCampaignIdAndOrgCodeAndGradeAndIdNotAndCommitteeDecisionIsNotNull(
                c.getCampaignId(), c.getOrgCode(), Grade.EXCELLENT, c.getId());
        if (excellent >= cap) {
            String street = org.findUnit(c.getOrgCode()).map(OrgUnit::getName).orElse(c.getOrgCode());
            throw new InvalidInputException(street + "本次考核“优秀”等次最多 " + cap + " 个（" + assessed + " 个派驻机构的 "
                    + properties.excellentCapPercent() + "%），已确定 " + excellent + " 个，请调整评分（总分低于 90 分）后再提交");
        }
    }

    public void startPublicity(Long caseId, LocalDateTime until) {
        AssessmentCase c = requireCase(caseId);
        c.setStatus(CaseStatus.PUBLICITY);
        c.setPublicityUntil(until);
    }

    public AssessmentObjection recordObjection(Long caseId, String reason, String raisedBy) {
        List<String> errors = new ArrayList<>();
        String text = text(reason, "异议理由", errors, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AssessmentCase c = requireCase(caseId);
        c.setStatus(CaseStatus.OBJECTION);
        c.setObjectionCount(c.getObjectionCount() + 1);
        return objections.save(new AssessmentObjection(caseId, c.getObjectionCount(), text, raisedBy, CaseClock.now()));
    }

    /**
     * The committee's re-review (UPHOLD: the score changes) or the office's arbitration (CHANGE: the
     * score changes; KEEP/REJECT: it stays) of the latest objection.
     */
    public void recordObjectionDecision(Long caseId, String decision, double total, String grade, String comment,
            Actor actor) {
        AssessmentCase c = requireCase(caseId);
        boolean changes = !decimal(total).equals(c.getTotalScore()) || Grade.of(grade) != c.getGrade();
        if (changes) {
            checkExcellentCap(c, Grade.of(grade));
        }
        c.setTotalScore(decimal(total));
        c.setGrade(Grade.of(grade));
        List<AssessmentObjection> list = objections.findByCaseIdOrderByRoundNoAsc(caseId);
        if (!list.isEmpty()) {
            list.get(list.size() - 1).decide(decision, decimal(total), grade, actor.userId(), actor.group(), CaseClock.now());
        }
    }

    public void finalise(Long caseId) {
        AssessmentCase c = requireCase(caseId);
        c.setStatus(CaseStatus.FINAL);
        c.setFinalisedAt(CaseClock.now());
        log.info("{}: 考核结果已确定 {} 分，{}", c.getCaseNo(), c.getTotalScore(), c.getGrade().label());
    }

    public void recordSuggestionDecision(Long caseId, boolean use, String action, String reason, Actor actor) {
        AssessmentCase c = requireCase(caseId);
        c.setUseSuggestion(use);
        c.setSuggestionAction(use ? action : null);
        c.setSuggestionReason(reason);
        c.setSuggestionBy(actor.userId());
        c.setSuggestionAt(CaseClock.now());
    }

    public void recordSuggestionSent(Long caseId, String consultationInstanceId) {
        AssessmentCase c = requireCase(caseId);
        c.setSuggestionSentAt(CaseClock.now());
        c.setSuggestionInstanceId(consultationInstanceId);
        log.info("{}: 已向派驻机构负责人任免征求意见流程提出建议（{}）", c.getCaseNo(), consultationInstanceId);
    }

    // ---- results ----

    /**
     * Aggregates the final results per agency, per street/town and per department. Run again (a
     * retried or restarted step), it recounts the campaign's rows in place: never a second row.
     */
    public Map<String, List<AssessmentResult>> aggregate(Long campaignId) {
        AssessmentCampaign campaign = requireCampaign(campaignId);
        Map<String, AssessmentResult> byKey = new LinkedHashMap<>();
        for (AssessmentResult earlier : results.findByCampaignIdOrderByIdAsc(campaignId)) {
            earlier.reset();
            byKey.put(earlier.getDimension() + "/" + earlier.getCode(), earlier);
        }
        for (AssessmentCase c : casesOf(campaignId)) {
            if (c.getGrade() == null) {
                continue;
            }
            for (String[] key : new String[][] {{AssessmentResult.AGENCY, c.getAgencyCode()},
                    {AssessmentResult.ORG, c.getOrgCode()}, {AssessmentResult.DEPT, c.getDeptCode()}}) {
                byKey.computeIfAbsent(key[0] + "/" + key[1], k -> new AssessmentResult(campaignId, key[0], key[1]))
                        .add(c.getTotalScore(), c.getGrade());
            }
        }
        List<AssessmentResult> gone = byKey.values().stream().filter(r -> r.getCaseCount() == 0).toList();
        results.deleteAll(gone);
        byKey.values().removeAll(gone);
        results.saveAll(byKey.values());
        campaign.aggregated(CaseClock.now());
        Map<String, List<AssessmentResult>> out = new LinkedHashMap<>();
        for (String dimension : List.of(AssessmentResult.AGENCY, AssessmentResult.ORG, AssessmentResult.DEPT)) {
            out.put(dimension, byKey.values().stream().filter(r -> r.getDimension().equals(dimension)).toList());
        }
        return out;
    }

    public void recordNote(Long campaignId, String comment, Actor actor) {
        requireCampaign(campaignId).noted(actor.userId(), comment, CaseClock.now());
    }

    // ---- helpers ----


    private static void score(Integer value, String label, List<String> errors) {
        if (value == null || value < 0 || value > 100) {
            errors.add(label + "得分应为 0 到 100 的整数");
        }
    }

    private static String text(String value, String label, List<String> errors, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add("请填写" + label);
            }
            return null;
        }
        if (value.length() > TEXT_MAX) {
            errors.add(label + "不能超过 " + TEXT_MAX + " 个字");
        }
        return value.trim();
    }

    static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
