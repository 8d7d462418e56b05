package cn.streetgov.security;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.org.domain.PostRole;
import java.util.List;
import java.util.Set;

/** The logged-in user of an /api request: the Camunda user id and group ids. */
public record CurrentUser(String userId, Set<String> groupIds) {

    public static final String ADMIN = PostRole.ADMIN.groupId(null);
    public static final String AUDITOR = PostRole.AUDITOR.groupId(null);

    public CurrentUser {
        groupIds = Set.copyOf(groupIds);
    }

    public boolean isMemberOf(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean isAdmin() {
        return isMemberOf(ADMIN);
    }

    /** Throws 403 unless the user belongs to one of the groups (administrators always pass). */
    public void requireAnyGroup(String... groups) {
        if (isAdmin()) {
            return;
        }
        for (String group : groups) {
            if (isMemberOf(group)) {
                return;
            }
        }
        throw new ForbiddenException("无权访问: 需要以下角色之一 " + List.of(groups));
    }
}
