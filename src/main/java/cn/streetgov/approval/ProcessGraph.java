package cn.streetgov.approval;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The flow of one process model, read from its BPMN: which step can lead to which, across embedded
 * subprocesses (entering at their start events, leaving when their end events are reached) and
 * boundary events. Event subprocesses and called processes are opaque. What a return or a
 * withdrawal may reopen, and which parallel joins it must refill, is worked out here.
 */
final class ProcessGraph {

    private final BpmnModelInstance model;

    ProcessGraph(BpmnModelInstance model) {
        this.model = model;
    }

    Optional<FlowNode> node(String id) {
        ModelElementInstance element = model.getModelElementById(id);
        return element instanceof FlowNode node ? Optional.of(node) : Optional.empty();
    }

    boolean isUserTask(String id) {
        return node(id).filter(UserTask.class::isInstance).isPresent();
    }

    String name(String id) {
        return node(id).map(FlowElement::getName).filter(n -> n != null && !n.isBlank()).orElse(id);
    }

    /** The ids of every node reachable from {@code from} by following the flow (itself only on a cycle). */
    Set<String> reachableFrom(String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>();
        node(from).ifPresent(start -> queue.addAll(successors(start)));
        while (!queue.isEmpty()) {
            FlowNode next = queue.poll();
            if (seen.add(next.getId())) {
                queue.addAll(successors(next));
            }
        }
        return seen;
    }

    /** Whether {@code to} can follow {@code from} in the flow. */
    boolean leadsTo(String from, String to) {
        return reachableFrom(from).contains(to);
    }

    private List<FlowNode> successors(FlowNode node) {
        List<FlowNode> next = new java.util.ArrayList<>(leaving(node));
        if (node instanceof SubProcess sub && !Boolean.TRUE.equals(sub.triggeredByEvent())) {
            sub.getChildElementsByType(StartEvent.class).forEach(next::add);
        }
        if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess parent
                && !Boolean.TRUE.equals(parent.triggeredByEvent())) {
            next.addAll(leaving(parent));
        }
        return next;
    }

    /** Where the flow goes once the node is done: its outgoing flows and its boundary events. */
    private List<FlowNode> leaving(FlowNode node) {
        List<FlowNode> next = new java.util.ArrayList<>();
        node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
        if (node instanceof Activity) {
            model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() != null && b.getAttachedTo().getId().equals(node.getId()))
                    .forEach(next::add);
        }
        return next;
    }

    /** The embedded subprocesses around a node, innermost first. */
    List<SubProcess> enclosing(String id) {
        List<SubProcess> scopes = new java.util.ArrayList<>();
        ModelElementInstance parent = node(id).map(ModelElementInstance::getParentElement).orElse(null);
        while (parent instanceof SubProcess sub) {
            scopes.add(sub);
            parent = sub.getParentElement();
        }
        return scopes;
    }

    /**
     * The multi-instance activity a node runs in (itself or an enclosing subprocess) and its element
     * variable, or empty when it runs once per case.
     */
    Optional<MultiInstance> multiInstance(String id) {
        List<Activity> candidates = new java.util.ArrayList<>();
        node(id).filter(Activity.class::isInstance).map(Activity.class::cast).ifPresent(candidates::add);
        candidates.addAll(enclosing(id));
        for (Activity activity : candidates) {
            if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi) {
                return Optional.of(new MultiInstance(activity.getId(), mi.getCamundaElementVariable(),
                        Boolean.TRUE.equals(mi.isSequential())));
            }
        }
        return Optional.empty();
    }

    record MultiInstance(String activityId, String elementVariable, boolean sequential) {
    }

    /**
     * The parallel joins a token from {@code from} may pass, each with the number of its incoming
     * branches that do not come from {@code from}: the tokens a reopening of {@code from} must put
     * back at a join that has fired since, as the join consumed them.
     */
    List<JoinRefill> joinsFrom(String from) {
        Set<String> fromHere = reachableFrom(from);
        Set<String> scopesOfFrom = new HashSet<>();
        enclosing(from).forEach(s -> scopesOfFrom.add(s.getId()));
        List<JoinRefill> joins = new java.util.ArrayList<>();
        for (ParallelGateway gateway : model.getModelElementsByType(ParallelGateway.class)) {
            Collection<SequenceFlow> incoming = gateway.getIncoming();
            if (incoming.size() < 2 || !fromHere.contains(gateway.getId())) {
                continue;
            }
            boolean onCycle = leadsTo(gateway.getId(), from);
            long ours = incoming.stream().map(SequenceFlow::getSource)
                    .filter(source -> source.getId().equals(from) || fromHere.contains(source.getId())
                            || scopesOfFrom.contains(source.getId()))
                    .count();
            joins.add(new JoinRefill(gateway.getId(), (int) (incoming.size() - ours), onCycle));
        }
        return joins;
    }

    /**
     * @param onCycle the join can lead back to the reopened step: which branches it is still owed
     *        cannot be told from the model, so such a reopening is refused
     */
    record JoinRefill(String gatewayId, int tokens, boolean onCycle) {
    }
}
