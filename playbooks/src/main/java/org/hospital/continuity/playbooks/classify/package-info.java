/**
 * The explainable classifier (EP-4, EP-5) and re-grading as a pure fold with recorded events and manual
 * overrides. Entry points: {@link org.hospital.continuity.playbooks.classify.Classifier#classify} and
 * {@link org.hospital.continuity.playbooks.classify.Regrading}.
 */
package org.hospital.continuity.playbooks.classify;
