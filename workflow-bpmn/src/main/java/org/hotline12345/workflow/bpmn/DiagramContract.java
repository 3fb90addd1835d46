package org.hotline12345.workflow.bpmn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The contract between the diagrams and the Java API, checked before a diagram is deployed: the task ids the
 * API completes, the calls to unit-handling and assisting-unit, the outputs of the deadline-policy table, delegate bindings by bean
 * name only (never {@code camunda:class}) to beans that exist, full diagram interchange (so the diagram opens in
 * Camunda Modeler with its layout), the execution-platform attributes and a history time-to-live.
 *
 * <p>The engine plugin runs it on every new deployment that defines one of the library's processes or decisions
 * and refuses the deployment with {@link DiagramContractException}. Hosts can run it themselves, e.g. in their
 * build: {@code java -cp <classpath> org.hotline12345.workflow.bpmn.DiagramContract file.bpmn ...}.
 */
public final class DiagramContract {

    static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
    static final String PLATFORM = "Camunda Platform";
    static final String ESCALATION_PROCESS = "case-escalation";
    static final List<String> POLICY_OUTPUTS = List.of("signForLimit", "handlingLimit", "reworkLimit", "callbackLimit",
            "yellowCardLead", "extensionCap", "extensionDecisionLimit", "suspensionNeedsApproval", "reopenLimit",
            "returnWindow", "assistingLimit", "transferNeedsApproval");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final Predicate<String> beanExists;

    /** @param beanExists tells whether a bean of that name can be resolved by {@code ${name}} in the engine */
    public DiagramContract(Predicate<String> beanExists) {
        this.beanExists = beanExists;
    }

    /** Whether a resource of this name is a diagram the contract applies to at all. */
    public static boolean isDiagram(String resourceName) {
        return resourceName.endsWith(".bpmn") || resourceName.endsWith(".bpmn20.xml") || resourceName.endsWith(".dmn")
                || resourceName.endsWith(".dmn11.xml");
    }

    /**
     * The problems of one diagram, each naming the resource and the element; empty when it keeps the contract.
     * Diagrams that define none of the library's processes or decisions are not its business and pass.
     */
    public List<String> problems(String resourceName, byte[] content) {
        List<String> problems = new ArrayList<>();
        try {
            if (resourceName.endsWith(".dmn") || resourceName.endsWith(".dmn11.xml")) {
                checkDecisions(resourceName, Dmn.readModelFromStream(new ByteArrayInputStream(content)), problems);
            } else {
                checkProcesses(resourceName, Bpmn.readModelFromStream(new ByteArrayInputStream(content)), problems);
            }
        } catch (RuntimeException e) {
            if (mentionsLibraryKey(content)) {
                problems.add(resourceName + ": cannot be read as BPMN/DMN: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The problems of all the diagrams of one deployment. */
    public List<String> problems(Map<String, byte[]> resources) {
        List<String> problems = new ArrayList<>();
        resources.forEach((name, content) -> {
            if (isDiagram(name)) {
                problems.addAll(problems(name, content));
            }
        });
        return problems;
    }

    private static boolean mentionsLibraryKey(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        return text.contains("\"" + StandardTask.CASE_PROCESS + "\"") || text.contains("\"" + StandardTask.UNIT_PROCESS + "\"")
                || text.contains("\"" + StandardTask.ASSISTING_PROCESS + "\"")
                || OTHER_PROCESS_TASKS.keySet().stream().anyMatch(key -> text.contains("\"" + key + "\""))
                || text.contains("\"" + ESCALATION_PROCESS + "\"")
                || DECISION_OUTPUTS.keySet().stream().anyMatch(key -> text.contains("\"" + key + "\""));
    }

    private void checkProcesses(String resource, BpmnModelInstance model, List<String> problems) {
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        Set<String> keys = processes.stream().map(Process::getId).collect(Collectors.toSet());
        if (!keys.contains(StandardTask.CASE_PROCESS) && !keys.contains(StandardTask.UNIT_PROCESS) && !keys.contains(ESCALATION_PROCESS)
                && !keys.contains(StandardTask.ASSISTING_PROCESS) && keys.stream().noneMatch(OTHER_PROCESS_TASKS::containsKey)) {
            return;
        }
        checkPlatform(resource, model.getDocument().getRootElement(), problems);
        for (Process process : processes) {
            String where = resource + ", process " + process.getId();
            if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                problems.add(where + ": camunda:historyTimeToLive is missing (the engine refuses to deploy it without one)");
            }
            for (StandardTask task : StandardTask.values()) {
                if (!task.processKey().equals(process.getId())) {
                    continue;
                }
                ModelElementInstance element = model.getModelElementById(task.taskKey());
                if (!(element instanceof UserTask)) {
                    problems.add(where + ": user task " + task.taskKey() + " is missing"
                            + (element == null ? "" : " (the id names a " + element.getElementType().getTypeName() + ")")
                            + "; the Java API completes the step '" + task.step().name().toLowerCase().replace('_', ' ')
                            + "' through it");
                }
            }
            for (String taskKey : OTHER_PROCESS_TASKS.getOrDefault(process.getId(), List.of())) {
                if (!(model.getModelElementById(taskKey) instanceof UserTask)) {
                    problems.add(where + ": user task " + taskKey + " is missing; the Java API completes it by this id");
                }
            }
            if (StandardTask.CASE_PROCESS.equals(process.getId())) {
                requireCall(where, process, StandardTask.UNIT_PROCESS, problems);
            }
            if (StandardTask.UNIT_PROCESS.equals(process.getId())) {
                requireCall(where, process, StandardTask.ASSISTING_PROCESS, problems);
                // Completed through the generic task API, but the transfer request waits for it by its message.
                if (!(model.getModelElementById(StandardTask.APPROVE_TRANSFER_TASK) instanceof UserTask)) {
                    problems.add(where + ": user task " + StandardTask.APPROVE_TRANSFER_TASK + " is missing; a transfer down that needs "
                            + "the hotline office's approval waits for it");
                }
            }
        }
        checkBindings(resource, model.getDocument().getRootElement(), problems);
        checkDiagramInterchange(resource, model, problems);
    }

    private static void requireCall(String where, Process process, String calledProcess, List<String> problems) {
        boolean calls = process.getChildElementsByType(CallActivity.class).stream()
                .anyMatch(call -> calledProcess.equals(call.getCalledElement()));
        if (!calls) {
            problems.add(where + ": no call activity calls " + calledProcess);
        }
    }

    private void checkBindings(String resource, DomElement element, List<String> problems) {
        String type = element.getLocalName();
        String id = element.getAttribute("id");
        String where = resource + ", " + type + (id == null ? "" : " " + id);
        for (String classAttribute : List.of("class", "variableMappingClass")) {
            if (element.getAttribute(CAMUNDA_NS, classAttribute) != null) {
                problems.add(where + ": binds code with camunda:" + classAttribute + "=\"" + element.getAttribute(CAMUNDA_NS, classAttribute)
                        + "\"; bind a bean by name with camunda:" + (classAttribute.equals("class") ? "delegateExpression"
                                : "variableMappingDelegateExpression") + "=\"${beanName}\" instead");
            }
        }
        if (CAMUNDA_NS.equals(element.getNamespaceURI()) && element.getAttribute("class") != null) {
            problems.add(where + ": binds code with class=\"" + element.getAttribute("class")
                    + "\"; bind a bean by name with delegateExpression=\"${beanName}\" instead");
        }
        String delegate = element.getAttribute(CAMUNDA_NS, "delegateExpression");
        if (delegate == null && CAMUNDA_NS.equals(element.getNamespaceURI())) {
            delegate = element.getAttribute("delegateExpression");
        }
        checkBean(where, "delegateExpression", delegate, problems);
        checkBean(where, "variableMappingDelegateExpression", element.getAttribute(CAMUNDA_NS, "variableMappingDelegateExpression"),
                problems);
        for (DomElement child : element.getChildElements()) {
            checkBindings(resource, child, problems);
        }
    }

    private void checkBean(String where, String attribute, String expression, List<String> problems) {
        if (expression == null) {
            return;
        }
        Matcher matcher = BEAN_EXPRESSION.matcher(expression.trim());
        if (!matcher.matches()) {
            problems.add(where + ": " + attribute + " \"" + expression + "\" is not of the form ${beanName}");
        } else if (!beanExists.test(matcher.group(1))) {
            problems.add(where + ": " + attribute + " names bean '" + matcher.group(1) + "', which does not exist");
        }
    }

    private static void checkDiagramInterchange(String resource, BpmnModelInstance model, List<String> problems) {
        Set<String> drawn = new HashSet<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() != null && shape.getBounds() != null) {
                drawn.add(shape.getBpmnElement().getId());
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2) {
                drawn.add(edge.getBpmnElement().getId());
            }
        }
        List<BaseElement> needDrawing = new ArrayList<>();
        needDrawing.addAll(model.getModelElementsByType(FlowNode.class));
        needDrawing.addAll(model.getModelElementsByType(SequenceFlow.class));
        needDrawing.addAll(model.getModelElementsByType(TextAnnotation.class));
        needDrawing.addAll(model.getModelElementsByType(Association.class));
        for (BaseElement element : needDrawing) {
            if (!drawn.contains(element.getId())) {
                problems.add(resource + ", " + element.getElementType().getTypeName() + " " + element.getId()
                        + ": has no shape or edge in the diagram (BPMN DI); Camunda Modeler cannot lay it out");
            }
        }
    }

    private static void checkPlatform(String resource, DomElement definitions, List<String> problems) {
        String platform = definitions.getAttribute(MODELER_NS, "executionPlatform");
        String version = definitions.getAttribute(MODELER_NS, "executionPlatformVersion");
        if (!PLATFORM.equals(platform)) {
            problems.add(resource + ": modeler:executionPlatform must be \"" + PLATFORM + "\" (found " + quoted(platform) + ")");
        }
        if (version == null || !version.startsWith("7.")) {
            problems.add(resource + ": modeler:executionPlatformVersion must name a Camunda 7 version such as 7.24.0 (found "
                    + quoted(version) + ")");
        }
    }

    /** The outputs the Java code reads, per decision the library evaluates. */
    static final java.util.Map<String, List<String>> DECISION_OUTPUTS = java.util.Map.of(
            StandardTask.DEADLINE_POLICY_DECISION, POLICY_OUTPUTS,
            "escalation-policy", List.of("supervisionAfter", "supervisionLimit", "supervisionAddressee"),
            "routing", List.of("leadUnit", "autoDispatch"),
            "accountability-triggers", List.of("openReview", "severity", "statementLimit"));
    /**
     * Processes besides the case's own whose user tasks the Java API completes by id: the accountability review's steps
     * and the spot check's second callback.
     */
    static final java.util.Map<String, List<String>> OTHER_PROCESS_TASKS = java.util.Map.of(
            "accountability-review", List.of("UserTask_Investigate", "UserTask_WriteStatement", "UserTask_DecideOutcome"),
            "spot-check", List.of("UserTask_SpotCheckCallback"));

    private static void checkDecisions(String resource, DmnModelInstance model, List<String> problems) {
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            List<String> outputs = DECISION_OUTPUTS.get(decision.getId());
            if (outputs != null) {
                checkDecision(resource, model, decision, outputs, problems);
            }
        }
    }

    private static void checkDecision(String resource, DmnModelInstance model, Decision policy, List<String> requiredOutputs,
            List<String> problems) {
        checkPlatform(resource, model.getDocument().getRootElement(), problems);
        String where = resource + ", decision " + policy.getId();
        String ttl = policy.getDomElement().getAttribute(CAMUNDA_DMN_NS, "historyTimeToLive");
        if (ttl == null || ttl.isBlank()) {
            problems.add(where + ": camunda:historyTimeToLive is missing (the engine refuses to deploy it without one)");
        }
        if (!(policy.getExpression() instanceof DecisionTable table)) {
            problems.add(where + ": is not a decision table");
        } else {
            Set<String> outputs = table.getOutputs().stream().map(Output::getName).collect(Collectors.toSet());
            for (String output : requiredOutputs) {
                if (!outputs.contains(output)) {
                    problems.add(where + ": output '" + output + "' is missing; the library reads it");
                }
            }
        }
        if (!hasDmnShape(model.getDocument().getRootElement(), policy.getId())) {
            problems.add(where + ": has no shape in the diagram (DMN DI); Camunda Modeler cannot show it in the requirements diagram");
        }
    }

    private static boolean hasDmnShape(DomElement element, String decisionId) {
        if ("DMNShape".equals(element.getLocalName()) && decisionId.equals(element.getAttribute("dmnElementRef"))) {
            return true;
        }
        for (DomElement child : element.getChildElements()) {
            if (hasDmnShape(child, decisionId)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }

    /** Checks diagram files from the command line; exit code 1 when any breaks the contract. */
    public static void main(String[] args) throws IOException {
        DiagramContract contract = new DiagramContract(HotlineEnginePlugin.LIBRARY_BEANS::contains);
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            problems.addAll(contract.problems(path.getFileName().toString(), Files.readAllBytes(path)));
        }
        problems.forEach(System.out::println);
        System.out.println(args.length + " diagram(s), " + problems.size() + " problem(s)");
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }
}
