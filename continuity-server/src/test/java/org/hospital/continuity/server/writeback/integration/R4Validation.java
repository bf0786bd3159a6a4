package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HAPI FHIR instance validator against the R4 base specification, as a HIS that validates incoming Bundles would
 * run it. Built once (loading the specification takes seconds). Errors are what a validating HIS refuses; warnings
 * (local code systems, narrative) are not.
 */
public final class R4Validation {

    private static FhirValidator validator;

    private R4Validation() {
    }

    static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext ctx = FhirContext.forR4Cached();
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
                    new SnapshotGeneratingValidationSupport(ctx));
            FhirInstanceValidator instance = new FhirInstanceValidator(chain);
            instance.setAnyExtensionsAllowed(true);
            validator = ctx.newValidator().registerValidatorModule(instance);
        }
        return validator;
    }

    /** The error (and fatal) messages of validating {@code resource}, each as "location: message". */
    public static List<String> errors(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validation::text).toList();
    }

    private static String text(SingleValidationMessage m) {
        return m.getLocationString() + ": " + m.getMessage();
    }
}
