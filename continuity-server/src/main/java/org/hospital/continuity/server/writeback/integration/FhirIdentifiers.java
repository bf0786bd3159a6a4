package org.hospital.continuity.server.writeback.integration;

/**
 * Identifier and code systems used on the HIS side. The national ID system is the resident ID
 * card OID of the Chinese health information standards; the others name this product's business
 * identifiers so that conditional creates find what an earlier write-back created.
 *
 * @param nationalId     system of the resident ID number
 * @param downtimeNumber system of the downtime patient number (EP-6.1.1)
 * @param visit          system of the downtime visit id (registration stream UUID)
 * @param line           system of a charged line's UUID (requests, dispenses, charge items)
 * @param department     code system of HIS departments
 * @param item           code system of HIS chargeable items
 * @param drug           code system of HIS drugs
 * @param staff          identifier system of staff accounts
 * @param kiosk          identifier system of kiosks
 * @param paperForm      identifier system of paper form numbers
 * @param priceList      URL prefix of the HIS price list (ChargeItemDefinition.url = prefix + code)
 * @param record         system of a downtime record's UUID (the kiosk journal stream: order groups, accounts, allergies)
 * @param hisPatient     identifier system of the HIS's own patient id (the id the kiosks' snapshot knows a patient by)
 * @param inpatientNumber identifier system of the HIS's inpatient (admission) numbers, on Patient and Encounter
 * @param invoice        identifier system of invoice numbers (the manual register's and the formal ones)
 */
public record FhirIdentifiers(String nationalId, String downtimeNumber, String visit, String line, String department,
                              String item, String drug, String staff, String kiosk, String paperForm,
                              String priceList, String record, String hisPatient, String inpatientNumber, String invoice) {

    /** The defaults this product uses when the HIS gives no others. */
    public static FhirIdentifiers defaults() {
        String base = "urn:hospital-continuity:";
        return new FhirIdentifiers("urn:oid:2.16.156.10011.1.1", base + "downtime-number", base + "visit", base + "line",
                "urn:his:department", "urn:his:item", "urn:his:drug", base + "staff", base + "kiosk",
                base + "paper-form", "urn:his:price/", base + "record", "urn:his:patient-id", "urn:his:inpatient-number",
                "urn:his:invoice-number");
    }
}
