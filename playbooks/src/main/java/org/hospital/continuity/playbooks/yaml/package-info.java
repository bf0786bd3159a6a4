/** Reading YAML files through snakeyaml's node API with precise, positioned errors. */
package org.hospital.continuity.playbooks.yaml;
