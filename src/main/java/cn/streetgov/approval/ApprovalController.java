package cn.streetgov.approval;

import cn.streetgov.casework.ApprovalOperation;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.security.CurrentUser;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval operations over REST (the Tasklist plugin calls the same): under
 * {@code /api/tasks/{taskId}/…} for an open task, {@code /api/tasks/{historicTaskId}/withdraw} for one
 * the caller completed, {@code /api/copies} for 抄送我的 and {@code /api/cases/{id}/opinions} for a
 * case's typed record. Refusals are 4xx with a Chinese {@code message} and change nothing.
 */
@RestController
class ApprovalController {

    private final ApprovalOperations operations;
    private final Signatures signatures;
    private final CaseRecordView view;

    ApprovalController(ApprovalOperations operations, Signatures signatures, CaseRecordView view) {
        this.operations = operations;
        this.signatures = signatures;
        this.view = view;
    }

    record ReturnRequest(String targetActivityId, String targetTaskId, String reason) {
    }

    record PersonRequest(String userId, String reason) {
    }

    record CommentRequest(String comment) {
    }

    record ReasonRequest(String reason) {
    }

    record AddSignRequest(List<String> userIds, String position, String reason) {
    }

    record SignRequest(String opinion, Boolean agree) {
    }

    record CopyRequest(List<String> userIds, List<String> groupIds, String note) {
    }

    record NoteRequest(String note) {
    }

    @GetMapping("/api/tasks/{taskId}/operations")
    ApprovalOperations.Operations operations(@PathVariable String taskId, CurrentUser user) {
        return operations.operations(user, taskId);
    }

    @GetMapping("/api/tasks/{taskId}/return-targets")
    List<ApprovalOperations.ReturnTarget> returnTargets(@PathVariable String taskId, CurrentUser user) {
        return operations.returnTargets(user, taskId);
    }

    @PostMapping("/api/tasks/{taskId}/return")
    ApprovalOperations.Done returnTask(@PathVariable String taskId, @RequestBody(required = false) ReturnRequest body,
            CurrentUser user) {
        ReturnRequest request = body == null ? new ReturnRequest(null, null, null) : body;
        return operations.returnTask(user, taskId, request.targetActivityId(), request.targetTaskId(), request.reason());
    }

    @PostMapping("/api/tasks/{taskId}/withdraw")
    ApprovalOperations.Done withdraw(@PathVariable String taskId, @RequestBody(required = false) ReasonRequest body,
            CurrentUser user) {
        return operations.withdraw(user, taskId, body == null ? null : body.reason());
    }

    @GetMapping("/api/tasks/{taskId}/people")
    List<ApprovalOperations.Person> people(@PathVariable String taskId,
            @RequestParam(name = "for", defaultValue = "TRANSFER") String operation, CurrentUser user) {
        return operations.people(user, taskId, peopleOperation(operation));
    }

    private static ApprovalOperation peopleOperation(String operation) {
        try {
            ApprovalOperation op = ApprovalOperation.valueOf(operation.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (op == ApprovalOperation.TRANSFER || op == ApprovalOperation.DELEGATE || op == ApprovalOperation.ADD_SIGN) {
                return op;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInputException("参数 for 只能是 TRANSFER（转办）、DELEGATE（委派）或 ADD_SIGN（加签）");
    }

    @PostMapping("/api/tasks/{taskId}/transfer")
    ApprovalOperations.Done transfer(@PathVariable String taskId, @RequestBody(required = false) PersonRequest body,
            CurrentUser user) {
        PersonRequest request = body == null ? new PersonRequest(null, null) : body;
        return operations.transfer(user, taskId, request.userId(), request.reason());
    }

    @PostMapping("/api/tasks/{taskId}/delegate")
    ApprovalOperations.Done delegate(@PathVariable String taskId, @RequestBody(required = false) PersonRequest body,
            CurrentUser user) {
        PersonRequest request = body == null ? new PersonRequest(null, null) : body;
        return operations.delegate(user, taskId, request.userId(), request.reason());
    }

    @PostMapping("/api/tasks/{taskId}/resolve")
    ApprovalOperations.Done resolve(@PathVariable String taskId, @RequestBody(required = false) CommentRequest body,
            CurrentUser user) {
        return operations.resolve(user, taskId, body == null ? null : body.comment());
    }

    @PostMapping("/api/tasks/{taskId}/add-sign")
    ApprovalOperations.Done addSign(@PathVariable String taskId, @RequestBody(required = false) AddSignRequest body,
            CurrentUser user) {
        AddSignRequest request = body == null ? new AddSignRequest(null, null, null) : body;
        return signatures.addSign(user, taskId, request.userIds(), request.position(), request.reason());
    }

    @PostMapping("/api/tasks/{taskId}/remove-sign")
    ApprovalOperations.Done removeSign(@PathVariable String taskId, @RequestBody(required = false) PersonRequest body,
            CurrentUser user) {
        PersonRequest request = body == null ? new PersonRequest(null, null) : body;
        return signatures.removeSign(user, taskId, request.userId(), request.reason());
    }

    @PostMapping("/api/tasks/{taskId}/sign")
    ApprovalOperations.Done sign(@PathVariable String taskId, @RequestBody(required = false) SignRequest body,
            CurrentUser user) {
        SignRequest request = body == null ? new SignRequest(null, null) : body;
        return signatures.sign(user, taskId, request.opinion(), request.agree());
    }

    @PostMapping("/api/tasks/{taskId}/copy")
    ApprovalOperations.Done copy(@PathVariable String taskId, @RequestBody(required = false) CopyRequest body,
            CurrentUser user) {
        CopyRequest request = body == null ? new CopyRequest(null, null, null) : body;
        return operations.copy(user, taskId, request.userIds(), request.groupIds(), request.note());
    }

    @PostMapping("/api/tasks/{taskId}/urge")
    ApprovalOperations.Done urge(@PathVariable String taskId, @RequestBody(required = false) NoteRequest body,
            CurrentUser user) {
        return operations.urge(user, taskId, body == null ? null : body.note());
    }

    @GetMapping("/api/copies")
    CaseRecordView.Copies copies(CurrentUser user) {
        return view.copies(user);
    }

    @PostMapping("/api/copies/{id}/read")
    ApprovalOperations.Done read(@PathVariable Long id, CurrentUser user) {
        return view.read(user, id);
    }

    @GetMapping("/api/cases/{processInstanceId}/opinions")
    List<CaseRecordView.Opinion> opinions(@PathVariable String processInstanceId, CurrentUser user) {
        return view.opinions(user, processInstanceId);
    }
}
