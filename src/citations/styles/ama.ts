/**
 * AMA (American Medical Association Manual of Style, 11th edition) as a CSL 1.0.2 style.
 *
 * @citation-js/plugin-csl bundles APA, Vancouver and Harvard but not AMA, and no maintained npm
 * package ships the CSL repository's AMA file on its own. This style was written for this project
 * from the CSL 1.0.2 specification and the AMA reference rules it implements: authors as
 * "Surname Initials" (no periods), all authors up to six, otherwise the first three and "et al";
 * sentence as given for titles; abbreviated journal name in italics; "Year;Volume(Issue):Pages";
 * page ranges in full (856-864); a DOI as "doi:10.xxxx/..." at the end; numbered entries.
 *
 * Licence: like the styles of the CSL project, this style is licensed under a Creative Commons
 * Attribution-ShareAlike 3.0 License (http://creativecommons.org/licenses/by-sa/3.0/).
 */
export const AMA_STYLE_ID = 'ama'

export const AMA_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="sort-only" page-range-format="expanded" default-locale="en-US">
  <info>
    <title>American Medical Association 11th edition (Tripsitter)</title>
    <id>https://tripsitter.example/csl/ama</id>
    <category citation-format="numeric"/>
    <category field="medicine"/>
    <updated>2026-11-29T00:00:00+00:00</updated>
    <rights license="http://creativecommons.org/licenses/by-sa/3.0/">This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License</rights>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="et-al">et al</term>
      <term name="page-range-delimiter">-</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name delimiter=", " delimiter-precedes-et-al="always" initialize-with="" name-as-sort-order="all" sort-separator=" "/>
      <substitute><names variable="editor"/></substitute>
    </names>
  </macro>
  <macro name="title">
    <choose>
      <if type="book report thesis dataset" match="any">
        <text variable="title" font-style="italic"/>
      </if>
      <else>
        <text variable="title"/>
      </else>
    </choose>
  </macro>
  <macro name="year">
    <date variable="issued"><date-part name="year"/></date>
  </macro>
  <macro name="locator">
    <choose>
      <if type="article-journal">
        <group delimiter=". ">
          <text variable="container-title" form="short" font-style="italic"/>
          <group>
            <text macro="year"/>
            <group prefix=";">
              <text variable="volume"/>
              <text variable="issue" prefix="(" suffix=")"/>
            </group>
            <text variable="page" prefix=":"/>
          </group>
        </group>
      </if>
      <else-if type="chapter">
        <group delimiter=". ">
          <group delimiter=" ">
            <text term="in" text-case="capitalize-first" suffix=":"/>
            <text variable="container-title" font-style="italic"/>
          </group>
          <group delimiter="; ">
            <text variable="publisher"/>
            <text macro="year"/>
          </group>
          <text variable="page" prefix="pp. "/>
        </group>
      </else-if>
      <else-if type="webpage">
        <group delimiter=". ">
          <text variable="container-title"/>
          <group delimiter=" ">
            <text value="Published"/>
            <text macro="year"/>
          </group>
        </group>
      </else-if>
      <else>
        <group delimiter="; ">
          <text variable="publisher"/>
          <text macro="year"/>
        </group>
      </else>
    </choose>
  </macro>
  <macro name="access">
    <choose>
      <if variable="DOI">
        <text variable="DOI" prefix="doi:"/>
      </if>
      <else-if variable="URL">
        <text variable="URL"/>
      </else-if>
    </choose>
  </macro>
  <citation collapse="citation-number">
    <sort>
      <key variable="citation-number"/>
    </sort>
    <layout vertical-align="sup" delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography et-al-min="7" et-al-use-first="3" second-field-align="flush">
    <layout>
      <text variable="citation-number" suffix=". "/>
      <group delimiter=". " suffix=".">
        <text macro="author"/>
        <text macro="title"/>
        <text macro="locator"/>
      </group>
      <text macro="access" prefix=" "/>
    </layout>
  </bibliography>
</style>
`
