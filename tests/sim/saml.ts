import { randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { escapeHtml } from './http';
import type { Person } from './services';

/** SAML-shaped messages: enough structure to look like the real thing, no signatures. */

export interface AuthnRequest {
  id: string;
  /** SP entity id: the service's origin. */
  issuer: string;
  acsUrl: string;
}

/** HTTP-Redirect binding: deflate + base64 (the value of `SAMLRequest`). */
export function encodeAuthnRequest(issuer: string, acsUrl: string): string {
  const id = `_${randomUUID()}`;
  const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${escapeHtml(acsUrl)}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${escapeHtml(issuer)}</saml:Issuer></samlp:AuthnRequest>`;
  return deflateRawSync(Buffer.from(xml)).toString('base64');
}

export function decodeAuthnRequest(value: string): AuthnRequest | null {
  try {
    const xml = inflateRawSync(Buffer.from(value, 'base64')).toString();
    const id = /\bID="([^"]+)"/.exec(xml)?.[1];
    const acsUrl = /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1];
    const issuer = /<saml:Issuer[^>]*>([^<]+)</.exec(xml)?.[1];
    return id && acsUrl && issuer ? { id, acsUrl: unescapeXml(acsUrl), issuer: unescapeXml(issuer) } : null;
  } catch {
    return null;
  }
}

export interface Assertion {
  person: Person;
  destination: string;
  audience: string;
  inResponseTo: string;
}

/** HTTP-POST binding: base64 XML (the value of `SAMLResponse`). */
export function encodeResponse(a: Assertion, idpEntityId: string): string {
  const attr = (name: string, value: string) =>
    `<saml:Attribute Name="${name}"><saml:AttributeValue>${escapeHtml(value)}</saml:AttributeValue></saml:Attribute>`;
  const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" InResponseTo="${escapeHtml(a.inResponseTo)}" Destination="${escapeHtml(a.destination)}" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${escapeHtml(idpEntityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion><saml:Subject><saml:NameID>${escapeHtml(a.person.personnummer)}</saml:NameID></saml:Subject><saml:Conditions><saml:AudienceRestriction><saml:Audience>${escapeHtml(a.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AttributeStatement>${attr('urn:oid:2.16.840.1.113730.3.1.241', a.person.name)}${attr('urn:oid:1.2.752.29.4.13', a.person.personnummer)}</saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  return Buffer.from(xml).toString('base64');
}

export function decodeResponse(value: string): Assertion | null {
  const xml = Buffer.from(value, 'base64').toString();
  const attr = (oid: string) =>
    new RegExp(`Name="${oid.replace(/\./g, '\\.')}"><saml:AttributeValue>([^<]*)<`).exec(xml)?.[1];
  const name = attr('urn:oid:2.16.840.1.113730.3.1.241');
  const personnummer = attr('urn:oid:1.2.752.29.4.13');
  const destination = /Destination="([^"]+)"/.exec(xml)?.[1];
  const audience = /<saml:Audience>([^<]+)</.exec(xml)?.[1];
  const inResponseTo = /InResponseTo="([^"]*)"/.exec(xml)?.[1] ?? '';
  if (!name || !personnummer || !destination || !audience) return null;
  return {
    person: { name: unescapeXml(name), personnummer: unescapeXml(personnummer) },
    destination: unescapeXml(destination),
    audience: unescapeXml(audience),
    inResponseTo: unescapeXml(inResponseTo),
  };
}

function unescapeXml(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}
