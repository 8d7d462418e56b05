package cn.streetgov.workspace;

import cn.streetgov.approval.CaseRecordView;
import cn.streetgov.casework.CaseIndex;
import cn.streetgov.casework.DoneStep;
import cn.streetgov.casework.IndexedCase;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseItem;
import cn.streetgov.workspace.CaseViews.CasePage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 已办 (the cases the caller completed a task of, the latest first) and 我发起的 (the cases the caller
 * started, newest first), paged and searched in the kernel's index — the caller's own only — and one
 * case by its engine id for whoever may read it.
 */
@Service
class CaseLists {

    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 100;

    private final CaseIndex index;
    private final CaseItems items;
    private final CaseRecordView view;

    CaseLists(CaseIndex index, CaseItems items, CaseRecordView view) {
        this.index = index;
        this.items = items;
        this.view = view;
    }

    @Transactional(readOnly = true)
    public CasePage done(CurrentUser user, String q, String state, int page, int size) {
        Page<DoneStep> done = index.done(user.userId(), state(state), query(q), page(page), size(size));
        List<String> ids = done.getContent().stream().map(DoneStep::getProcessInstanceId).toList();
        Map<String, IndexedCase> cases = index.byInstance(ids);
        Map<String, DoneStep> mine = new LinkedHashMap<>();
        done.getContent().forEach(step -> mine.put(step.getProcessInstanceId(), step));
        List<CaseHead> heads = ids.stream().filter(cases::containsKey).map(id -> CaseHead.of(cases.get(id))).toList();
        return new CasePage(done.getTotalElements(), items.items(user, heads, mine));
    }

    @Transactional(readOnly = true)
    public CasePage started(CurrentUser user, String q, String state, int page, int size) {
        Page<IndexedCase> started = index.started(user.userId(), state(state), query(q), page(page), size(size));
        List<CaseHead> heads = started.getContent().stream().map(CaseHead::of).toList();
        return new CasePage(started.getTotalElements(), items.items(user, heads, Map.of()));
    }

    /** One case: 404 when unknown, 403 with the reason when the caller may not read it. */
    @Transactional(readOnly = true)
    public CaseItem one(CurrentUser user, String processInstanceId) {
        view.requireMayRead(user, processInstanceId);
        return items.item(user, items.head(processInstanceId));
    }

    /** ALL when not given, else RUNNING or ENDED (400 with the reason otherwise); the auditors' search too. */
    static CaseIndex.State state(String state) {
        if (state == null || state.isBlank()) {
            return CaseIndex.State.ALL;
        }
        return switch (state.trim().toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> CaseIndex.State.RUNNING;
            case "ENDED" -> CaseIndex.State.ENDED;
            default -> throw new InvalidInputException("参数 state 只能是 RUNNING（办理中）或 ENDED（已办结），不填则为全部");
        };
    }

    private static String query(String q) {
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidInputException("搜索内容不能超过 " + MAX_QUERY + " 个字");
        }
        return q;
    }

    static int page(int page) {
        if (page < 0) {
            throw new InvalidInputException("参数 page 是页码，从 0 起");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("参数 size 是每页条数，应为 1 到 " + MAX_SIZE);
        }
        return size;
    }
}
