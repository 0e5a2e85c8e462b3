import { wireBackground } from '@/utils/background/wire';

export default defineBackground(() => {
  wireBackground();
});
