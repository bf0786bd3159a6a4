/**
 * The hospital's emergency plan (医院信息系统故障处理应急预案) as code and data.
 *
 * <p>Plain Java, no framework: records, sealed types and pure functions that take the time as an
 * argument (an {@link java.time.Instant} or an injected {@link java.time.InstantSource}); nothing here
 * reads the system clock. Every rule cites its clause of the plan (EP-…) or of the hospital IT rules (HR-…).
 *
 * <ul>
 *   <li>{@code fault}: fault classes (EP-4), causes, scopes, the clause registry;</li>
 *   <li>{@code party}: departments, offices and teams that switch, own steps and are told;</li>
 *   <li>{@code signal}: probe results, fault reports, integrity alarms, diagnoses, clearances;</li>
 *   <li>{@code classify}: the explainable classifier and the re-grading fold;</li>
 *   <li>{@code ladder}: the EP-5.2 downtime ladder and the EP-5.1 context modifiers;</li>
 *   <li>{@code playbook}: the playbook model, the YAML loader and the default playbooks;</li>
 *   <li>{@code incident}: the pure incident engine that ties classifier, ladder and playbooks together;</li>
 *   <li>{@code simulate}: scenario files, the deterministic simulator and its text rendering;</li>
 *   <li>{@code cli}: {@code java -jar playbooks-…-cli.jar simulate scenario.yaml}.</li>
 * </ul>
 */
package org.hospital.continuity.playbooks;
