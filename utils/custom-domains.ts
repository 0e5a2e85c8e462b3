/**
 * The user's own protected domains: validated before they are stored, so nothing invalid is ever kept.
 */
import { validateDomainInput } from './rules/validate-domain';
import { userSettings } from './storage';

export type AddDomainResult = ReturnType<typeof validateDomainInput> & { added?: boolean };

/** Validate and store. Returns the validation (with notices such as `port-stripped`) and whether it was new. */
export async function addCustomDomain(input: string): Promise<AddDomainResult> {
  const result = validateDomainInput(input);
  if (!result.ok) return result;
  const settings = await userSettings.getValue();
  if (settings.customDomains.includes(result.domain)) return { ...result, added: false };
  await userSettings.setValue({
    ...settings,
    customDomains: [...settings.customDomains, result.domain].sort(),
  });
  return { ...result, added: true };
}

export async function removeCustomDomain(domain: string): Promise<void> {
  const settings = await userSettings.getValue();
  await userSettings.setValue({
    ...settings,
    customDomains: settings.customDomains.filter((d) => d !== domain),
  });
}
