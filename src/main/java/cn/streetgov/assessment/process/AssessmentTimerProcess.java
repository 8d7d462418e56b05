package cn.streetgov.assessment.process;

/**
 * Process {@code agency-assessment-timer} (定时发起派驻机构考核): a timer start event opens the
 * campaign of the previous period. Separate from agency-assessment because Camunda 7 allows no
 * timer start event beside a none start event in one process.
 */
public final class AssessmentTimerProcess {

    public static final String KEY = "agency-assessment-timer";

    /** Element ids of processes/agency-assessment-timer.bpmn. */
    public static final class Elements {
        public static final String TIMER = "startEvent_yearlyTimer";
        public static final String OPEN = "serviceTask_openScheduledCampaign";
        public static final String OPENED_GATEWAY = "gateway_campaignOpened";
        public static final String STARTED = "endEvent_campaignStarted";
        public static final String ALREADY_OPENED = "endEvent_periodAlreadyOpened";

        private Elements() {
        }
    }

    /** Variable names. */
    public static final class Vars {
        public static final String PERIOD = "period";
        public static final String PERIOD_ALREADY_OPENED = "periodAlreadyOpened";
        public static final String CAMPAIGN_INSTANCE_ID = "campaignInstanceId";

        private Vars() {
        }
    }

    private AssessmentTimerProcess() {
    }
}
