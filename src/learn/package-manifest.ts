/**
 * @module The package descriptors: `imsmanifest.xml` for SCORM 1.2 (IMS Content Packaging 1.1.2
 * with the ADL SCORM 1.2 extensions, one SCO) and `cmi5.xml` (the cmi5 course structure, one AU).
 */
import type { Course } from './course-model.ts';

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// An xs:ID must be an NCName: start with a letter, no colons or spaces.
const ncName = (text: string): string => `L-${text.replace(/[^A-Za-z0-9._-]/g, '-')}`;

/** SCORM 1.2 manifest with one SCO launched at index.html; the mastery score is the pass mark. */
export function scormManifest(course: Course, language: string): string {
  const id = ncName(`${course.id}-${course.version}`);
  const title = xml(course.title[language] ?? course.id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${xml(course.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${course.passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

/** cmi5 course structure with one AU; moveOn needs completion and a pass at the pass mark. */
export function cmi5CourseStructure(course: Course, language: string): string {
  const iri = `urn:lantern:course:${encodeURIComponent(course.id)}:${encodeURIComponent(course.version)}`;
  const text = (value: string): string => `<langstring lang="${xml(language)}">${xml(value)}</langstring>`;
  const title = text(course.title[language] ?? course.id);
  const description = text(course.description[language] ?? '');
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${iri}">
    <title>${title}</title>
    <description>${description}</description>
  </course>
  <au id="${iri}:au" moveOn="CompletedAndPassed" masteryScore="${(course.passMark / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title>${title}</title>
    <description>${description}</description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}
