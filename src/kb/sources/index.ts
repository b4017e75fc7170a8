/** The source articles Gloss quotes from, in a fixed order (the build and the golden fixtures rely on it). */
import type { SourceDoc } from '../../shared/kb-types';
import { source as indiaJapanCyberCooperation } from './india-japan-cyber-cooperation';
import { source as japanCybersecurityPostureChina } from './japan-cybersecurity-posture-china';

/** Every source document; ids are the file names in ../shared/sources without `.txt`. */
export const SOURCES: SourceDoc[] = [indiaJapanCyberCooperation, japanCybersecurityPostureChina];
