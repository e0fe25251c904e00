import './test-env';
import { ensureTestInfrastructure } from './infrastructure';

export default function globalSetup(): void {
  ensureTestInfrastructure();
}
