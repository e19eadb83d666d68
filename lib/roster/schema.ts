import { z } from 'zod';

export const unitKindSchema = z.enum(['department', 'commune']);
export type UnitKind = z.infer<typeof unitKindSchema>;

/** A reporting unit (đơn vị báo cáo). Communes keep their official 5-digit code (QĐ 19/2025/QĐ-TTg). */
export const unitSchema = z.object({
  code: z.string().regex(/^([A-Z][A-Z0-9-]{1,15}|\d{5})$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: unitKindSchema,
  aliases: z.array(z.string()),
  email: z.string().optional(),
  focalPerson: z.string().optional(),
  /** Further recipients of the unit's mail, e.g. its leader (`da06 contacts import` fills these). */
  cc: z.array(z.string()).optional(),
});
export type Unit = z.infer<typeof unitSchema>;

/** seeds/roster.json: what the secretariat edits (provincial bodies, contacts, exclusions). */
export const rosterFileSchema = z.object({
  departments: z.array(
    unitSchema.omit({ kind: true }).extend({ namedInPlan: z.boolean(), note: z.string().optional() }),
  ),
  /** Contacts and changes for communes, keyed by commune code; the names come from the official list. */
  communes: z.record(
    z.string().regex(/^\d{5}$/),
    z.object({ email: z.string().optional(), focalPerson: z.string().optional(), cc: z.array(z.string()).optional(), aliases: z.array(z.string()).optional() }),
  ),
  /** Codes that no longer report (merged, dissolved): kept out of the expected list. */
  inactive: z.array(z.string()),
  /** Bodies outside the province (ministries, central agencies), by name and aliases. */
  external: z.array(z.object({ name: z.string(), aliases: z.array(z.string()) })),
});
export type RosterFile = z.infer<typeof rosterFileSchema>;

/** The official commune list, as in seeds/thanh-hoa-communes-2025.json. */
export const communeListSchema = z.object({
  meta: z.record(z.string(), z.unknown()),
  units: z.array(
    z.object({
      code: z.string().regex(/^\d{5}$/),
      name: z.string(),
      short_name: z.string(),
      type: z.enum(['xã', 'phường']),
      name_alt_tone: z.string().nullable(),
    }),
  ),
});
export type CommuneList = z.infer<typeof communeListSchema>;
