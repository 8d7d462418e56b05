package cn.streetgov.casework;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate bean an administrator may place in a model with Camunda Modeler: it has an
 * element template in {@code processes/.camunda/element-templates/} (whose id is
 * {@code streetgov.<bean name>}) with the same Chinese name. A delegate is for modelling when it
 * does one business action wherever its workflow's process reaches it — it reads only the case's
 * standing variables (set when the case was opened) and the input parameters of its template.
 * Delegates that belong to one element stay internal and carry no mark: the start listeners that
 * open a case, listeners of particular end events or tasks, the steps that read the result of one
 * particular rule task, message or multi-instance (README, "Administrators in Camunda Modeler").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModellingDelegate {

    /** The template's (Chinese) name, as the Modeler lists it. */
    String name();

    /** What the step does, in Chinese. */
    String description();
}
