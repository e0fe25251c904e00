/**
 * Which simulated provinces push the statuses their dossiers reach back through the gateway (all, unless switched off):
 * a province switched off plays one-stop software that cannot push, whose statuses the backbone has to look up.
 */
export class StatusPushSwitch {
  private readonly pullOnly = new Set<string>();

  set(province: string, enabled: boolean): void {
    if (enabled) this.pullOnly.delete(province);
    else this.pullOnly.add(province);
  }

  isOn(province: string): boolean {
    return !this.pullOnly.has(province);
  }
}
