package cn.streetgov.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.whistle.process.WhistleProcess;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 街道吹哨、部门报到 in Tasklist from the whistle to the follow-up visit, as the demo officials do it
 * (see {@link TasklistWalk}): 东华街道办事处 blows the whistle and summons 公安分局 and 城管执法局, whose
 * agencies in the street (东华派出所, 东华城管执法中队) report, the street office handles the matter
 * jointly, confirms it resolved and visits the resident. Screenshots: target/user-guide/whistle-dispatch/.
 */
class WhistleWalkBrowserTest extends WalkBrowserTestSupport {

    @Override
    String workflow() {
        return WhistleProcess.KEY;
    }

    @Test
    void aWhistleOfTheStreetOfficeFromTheWhistleToTheFollowUpVisit() {
        String summary = "东华路夜市占道经营、油烟扰民，需公安、城管联合整治（第 " + (System.nanoTime() % 100000) + " 号投诉）";
        walk.loginAs("s01-off");
        ProcessInstance whistle = walk.startCase("街道吹哨、部门报到", "召集部门", () -> {
            walk.theOwnChoiceIsMade("吹哨街道/镇", "东华街道");
            walk.fill("事项概要", summary);
            walk.fill("地点", "东华路 88 号");
            walk.choose("紧急程度", "紧急（24 小时内报到）");
            walk.choose("召集部门", "公安分局（由东华派出所报到）");
            walk.choose("召集部门", "城市管理和综合执法局（由东华城管执法中队报到）");
        }, () -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(WhistleProcess.KEY)
                .variableValueEquals(Vars.SUMMARY, summary).singleResult());
        assertThat(engine.getRuntimeService().getVariable(whistle.getId(), Vars.URGENCY)).isEqualTo("URGENT");

        walk.open("report-police", "s01-ga-head", Elements.REPORT);
        walk.theTimeShowsInBeijingTime("报到期限", (Date) engine.getRuntimeService().getVariable(whistle.getId(),
                Vars.REPORT_DEADLINE));
        walk.theTimeShowsInBeijingTime("处置期限", (Date) engine.getRuntimeService().getVariable(whistle.getId(),
                Vars.HANDLING_DEADLINE));
        String police = "两名民警 20 分钟内到场，劝离占道摊贩 6 户，登记经营者信息";
        walk.report("报到说明（到场人员、已采取的措施）", police);

        walk.open("report-urban", "s01-cgzf-head", Elements.REPORT);
        String urban = "执法中队 4 人到场，暂扣违规油烟设备 2 套，责令限期整改";
        walk.report("报到说明（到场人员、已采取的措施）", urban);

        walk.open("joint-handling", "s01-off", Elements.HANDLE);
        String handling = "街道牵头，公安、城管联合整治：夜市移入东华广场规范经营区，加装油烟净化设备";
        walk.report("处置情况", handling);

        walk.open("confirm", "s01-off", Elements.CONFIRM);
        String confirm = "现场复核，占道和油烟问题已解决";
        walk.decide("问题是否已解决", "已解决，转回访", "确认意见", confirm);

        walk.open("follow-up", "s01-off", Elements.FOLLOW_UP);
        String visit = "电话回访投诉居民，对整治结果满意";
        walk.decide("群众满意度", "5 非常满意", "回访记录", visit);

        walk.end("s01-off", "CLOSED");
    }
}
