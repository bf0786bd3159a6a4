/**
 * Deliberately broken classes for ArchitectureTest: two fake features ({@code alpha}, {@code beta}) that need each
 * other, one reading the other's store, SQL outside persistence, a platform that uses a feature and a library that
 * uses app code; {@code gamma} uses only a public face and breaks nothing. Test sources only: the production
 * rules never see them.
 */
package org.hospital.continuity.server.archfixtures;
