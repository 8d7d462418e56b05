package cn.streetgov.casework;

import cn.streetgov.common.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment that holds a process whose forms, DMN decisions or called processes are
 * bound to its own deployment ({@code …Binding="deployment"}) but not in it, with a Chinese reason
 * naming what is missing: deployed so, its cases would find no form and no rule. This is what stops
 * an administrator who deploys a single BPMN from Camunda Modeler without its forms (the Modeler's
 * deploy dialog can include them), and a process application that deploys changed files only.
 * References given by expressions are not checked. A deployment of DMN tables or forms without any
 * process is refused too: no case would ever use them (processes use their own deployment's).
 */
@Component
class DeploymentBindingCheck extends AbstractProcessEnginePlugin {

    private static final String DEPLOYMENT = "deployment";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(DeploymentBindingCheck::check);
        configuration.setCustomPreDeployers(deployers);
    }

    static void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Collection<ResourceEntity> resources = deployment.getResources().values();
        Set<String> forms = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        Set<String> processes = new HashSet<>();
        List<BpmnResource> models = new ArrayList<>();
        List<String> rulesAndForms = new ArrayList<>();
        for (ResourceEntity resource : resources) {
            String name = resource.getName();
            if (resource.isGenerated() || resource.getBytes() == null) {
                continue;
            }
            try {
                if (name.endsWith(".form")) {
                    rulesAndForms.add(name);
                    JsonNode id = JSON.readTree(resource.getBytes()).path("id");
                    if (id.isTextual()) {
                        forms.add(id.asText());
                    }
                } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                    rulesAndForms.add(name);
                    Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
                            .getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
                } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
                    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                            .forEach(p -> processes.add(p.getId()));
                    models.add(new BpmnResource(name, model));
                }
            } catch (IOException | ModelException e) {
                // not readable here: the engine's own parser reports it
            }
        }
        List<String> errors = new ArrayList<>();
        if (models.isEmpty() && !rulesAndForms.isEmpty()) {
            errors.add("部署被拒绝：本次部署只有决策表或表单（" + String.join("、", rulesAndForms) + "），没有使用它们的流程。"
                    + "流程只使用与它一起部署的决策表和表单，单独部署的版本不会被任何案件使用；请把它与使用它的流程一起部署"
                    + "（Camunda Modeler 部署对话框的 Include additional files），或重启应用部署全部文件。");
        }
        for (BpmnResource bpmn : models) {
            Set<String> missing = new LinkedHashSet<>();
            for (UserTask task : bpmn.model().getModelElementsByType(UserTask.class)) {
                form(task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, missing);
            }
            for (StartEvent start : bpmn.model().getModelElementsByType(StartEvent.class)) {
                form(start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, missing);
            }
            for (BusinessRuleTask task : bpmn.model().getModelElementsByType(BusinessRuleTask.class)) {
                String ref = task.getCamundaDecisionRef();
                if (boundToDeployment(ref, task.getCamundaDecisionRefBinding()) && !decisions.contains(ref)) {
                    missing.add("决策 " + ref);
                }
            }
            for (CallActivity call : bpmn.model().getModelElementsByType(CallActivity.class)) {
                String ref = call.getCalledElement();
                if (boundToDeployment(ref, call.getCamundaCalledElementBinding()) && !processes.contains(ref)) {
                    missing.add("流程 " + ref);
                }
            }
            if (!missing.isEmpty()) {
                errors.add("部署被拒绝：" + bpmn.name() + " 引用的" + String.join("、", missing)
                        + " 按部署绑定，必须与它一起部署，本次部署中没有。请在 Camunda Modeler 的部署对话框中加入这些文件"
                        + "（Include additional files：forms/ 下的表单、processes/ 下的决策表和被调用的流程），"
                        + "或重启应用部署全部文件。");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void form(String ref, String binding, Set<String> forms, Set<String> missing) {
        if (boundToDeployment(ref, binding) && !forms.contains(ref)) {
            missing.add("表单 " + ref);
        }
    }

    private static boolean boundToDeployment(String ref, String binding) {
        return ref != null && DEPLOYMENT.equals(binding) && !ref.contains("${") && !ref.contains("#{");
    }

    private record BpmnResource(String name, BpmnModelInstance model) {
    }
}
