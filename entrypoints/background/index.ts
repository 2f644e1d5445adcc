import '@/lib/contract/zod-config';
import { startBackground } from '@/lib/background/start-background';

export default defineBackground({
  main() {
    startBackground();
  },
});
