/**
 * What every Hỏi đáp list page (all questions, one sector's) is built from, once per build: the
 * answered questions newest first, the sectors that have some, and their pages.
 */
import { getQuestions, getSectors, paginate } from './content';
import { questionsBySector, QUESTIONS_BASE, sectorPath } from './questions';
import { perRender } from './render-scope';

async function load() {
  const questions = await getQuestions();
  const groups = questionsBySector(questions, (await getSectors()).map((s) => s.data));
  return {
    questions,
    groups,
    /** The sector links every list page shows. */
    sectorLinks: groups.map((g) => ({ slug: g.slug, name: g.name, count: g.items.length })),
    /** Pages of the whole list. */
    pages: paginate(questions, QUESTIONS_BASE),
    /** Pages of each sector's list. */
    sectorPages: groups.map((g) => ({ group: g, pages: paginate(g.items, sectorPath(g.slug)) })),
  };
}

/** The Hỏi đáp lists of this build. Per render (render-scope.ts): a warm fast-path worker renders publish after publish. */
export const getQuestionPages = perRender(load);
