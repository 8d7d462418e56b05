package cn.streetgov.appointment.domain;

import java.util.Arrays;

/**
 * The post a suggestion is about: the head of an agency stationed in the street, or one of the
 * street's own posts whose holder the street committee proposes (004, 福田: 由街道党工委研究提出人选意见,
 * 征求区级业务主管部门同意后,报区委组织部研究并批复). Which way each post goes is the rule of
 * {@code consultation-mode.dmn} (input 岗位类别), not of this list.
 */
public enum StreetPost {
    AGENCY_HEAD("派驻机构负责人"),
    DISCIPLINE_SECRETARY("纪工委书记"),
    UNION_CHAIR("工会主席"),
    YOUTH_LEAGUE_SECRETARY("团工委书记"),
    WOMEN_FEDERATION_CHAIR("妇联主席"),
    ARMED_FORCES_HEAD("武装部部长");

    private final String label;

    StreetPost(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the post is the street's own (its holder proposed by the street), not an agency's head. */
    public boolean isStreetOwn() {
        return this != AGENCY_HEAD;
    }

    /** 纪工委书记、工会主席… (the street's own posts, for messages). */
    public static String streetOwnLabels() {
        return String.join("、", Arrays.stream(values()).filter(StreetPost::isStreetOwn).map(StreetPost::label).toList());
    }
}
