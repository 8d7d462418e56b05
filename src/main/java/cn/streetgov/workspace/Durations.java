package cn.streetgov.workspace;

import java.time.Duration;

/** How long a step took, as officials write it: 2小时5分, 3天4小时, 45分钟, 不到1分钟. */
final class Durations {

    private Durations() {
    }

    /** Days and hours from a day on, hours and minutes from an hour on, else minutes; null for null. */
    static String chinese(Duration duration) {
        if (duration == null) {
            return null;
        }
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return days + "天" + (hours > 0 ? hours + "小时" : "");
        }
        if (hours > 0) {
            return hours + "小时" + (rest > 0 ? rest + "分" : "");
        }
        return minutes > 0 ? minutes + "分钟" : "不到1分钟";
    }
}
