//! File tasks of the cat lab: the plan for a picked, dropped or pasted batch of
//! files comes from `app::cats::plan`; each task runs asynchronously (reading and
//! decoding never block the page) and hands its result to the controller through
//! the runner; every refused file gets one line naming it.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use crate::app::cats::{is_hdf5, label_from_path, plan, DropPlan, Origin, Zone};
use crate::app::message::{Message, Topic};
use crate::engine::cats::Sample;

use super::super::page::Page;
use super::super::runner::Shared;
use super::files::{bytes_of, corrupt_problem, decode, Decoded, Dropped, Picked};

/// The zone of the element under a drop: `data-zone` of the nearest box, else the view.
pub fn zone_of(e: &Event) -> Zone {
    let zone = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-zone]").ok().flatten())
        .and_then(|el| el.get_attribute("data-zone"));
    Zone::from_name(zone.as_deref())
}

/// Marks the box under a drag (`data-over`), so it lights up.
pub fn mark_over(e: &Event, over: bool) {
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    if let Some(zone) = target.and_then(|el| el.closest(".cats-zone").ok().flatten()) {
        let _ = zone.set_attribute("data-over", if over { "true" } else { "false" });
    }
}

/// Starts the task the plan gives for `files` arriving in `zone`.
pub fn route(page: &mut Page, runner: &Shared, zone: Zone, files: Vec<Picked>) {
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let Some(plan) = plan(zone, &paths, page.app.cats().set()) else {
        return;
    };
    page.dirty = true;
    if let DropPlan::Refuse(message) = plan {
        page.app.cats_mut().refuse(vec![message]);
        return;
    }
    page.cats.reading += files.len();
    let runner = runner.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let count = files.len();
        match plan {
            DropPlan::AddPictures { is_cat } => add_pictures(&runner, files, is_cat).await,
            DropPlan::LoadHdf5 { strict } => load_hdf5(&runner, files, strict).await,
            DropPlan::Predict => predict(&runner, files).await,
            DropPlan::Show => show_first(&runner, files).await,
            DropPlan::Refuse(_) => {}
        }
        runner.update(|p| {
            p.cats.reading = p.cats.reading.saturating_sub(count);
            if p.cats.reading == 0 {
                p.cats.read = 0;
            }
        });
    });
}

/// A drop: folders are walked first, then the files go where [`route`] sends them.
pub fn route_dropped(page: &mut Page, runner: &Shared, zone: Zone, dropped: Dropped) {
    page.cats.reading += 1;
    page.dirty = true;
    let task_runner = runner.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let files = dropped.files().await;
        let runner = task_runner.clone();
        task_runner.update(move |p| {
            p.cats.reading = p.cats.reading.saturating_sub(1);
            route(p, &runner, zone, files);
        });
    });
}

/// The file's bytes, or image-corrupt naming it when the browser cannot read it.
async fn read(file: &Picked) -> Result<Vec<u8>, Message> {
    bytes_of(&file.file)
        .await
        .map_err(|_| corrupt_problem(&file.path))
}

/// Decodes every picture (HDF5 files among them go to the course's loader); labels
/// come from folder names, else from the box.
async fn add_pictures(runner: &Shared, files: Vec<Picked>, is_cat: bool) {
    let (mut accepted, mut refused, mut hdf5) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        // The progress of a large drop: one more file read (the page paints it).
        runner.update(|p| p.cats.read += 1);
        let bytes = match read(&file).await {
            Ok(bytes) => bytes,
            Err(problem) => {
                refused.push(problem);
                continue;
            }
        };
        if is_hdf5(&file.path, &bytes) {
            hdf5.push((file.path, bytes));
            continue;
        }
        match decode(&bytes, &file.path, false).await {
            Ok(decoded) => accepted.push(Sample {
                picture: decoded.picture,
                is_cat: label_from_path(&file.path, is_cat),
                name: file.path,
            }),
            Err(problem) => refused.push(problem),
        }
    }
    runner.update(|p| {
        let mut problems = offer_all(p, hdf5);
        problems.extend(refused);
        p.app.cats_mut().add_pictures(accepted, problems);
    });
}

/// Offers each file to the course's loader; a file that is not HDF5 is refused by name
/// (`strict`) or, from the view at large, ignored.
async fn load_hdf5(runner: &Shared, files: Vec<Picked>, strict: bool) {
    let mut refused = Vec::new();
    let mut offers = Vec::new();
    for file in files {
        match read(&file).await {
            Ok(bytes) if is_hdf5(&file.path, &bytes) => offers.push((file.path, bytes)),
            Ok(_) if strict => {
                refused.push(Message::new(Topic::Cats, "not-hdf5").text("file", file.path))
            }
            Ok(_) => {}
            Err(problem) => refused.push(problem),
        }
    }
    runner.update(|p| {
        let offered = !offers.is_empty();
        let mut problems = offer_all(p, offers);
        if offered || !refused.is_empty() {
            problems.extend(refused);
            p.app.cats_mut().refuse(problems);
        }
    });
}

/// Offers HDF5 files one by one; returns the problems they raised (each offer
/// replaces the shown messages, so they are collected as they come).
fn offer_all(page: &mut Page, files: Vec<(String, Vec<u8>)>) -> Vec<Message> {
    let mut problems = Vec::new();
    let cats = page.app.cats_mut();
    for (name, bytes) in files {
        cats.offer_hdf5(&name, bytes);
        problems.extend(cats.problems().iter().cloned());
    }
    problems
}

/// The first file, read and decoded (with a small preview when `with_preview`).
async fn decode_first(
    files: Vec<Picked>,
    with_preview: bool,
) -> Option<(Picked, Result<Decoded, Message>)> {
    let file = files.into_iter().next()?;
    let decoded = match read(&file).await {
        Ok(bytes) => decode(&bytes, &file.path, with_preview).await,
        Err(problem) => Err(problem),
    };
    Some((file, decoded))
}

/// Shows the first picture in the input layer.
async fn show_first(runner: &Shared, files: Vec<Picked>) {
    let Some((file, decoded)) = decode_first(files, true).await else {
        return;
    };
    runner.update(|p| match decoded {
        Ok(d) => {
            let origin = Origin {
                name: file.path,
                width: d.width,
                height: d.height,
            };
            let cats = p.app.cats_mut();
            cats.show_picture(d.picture, origin);
            let version = cats.input().version();
            cats.refuse(Vec::new());
            p.cats.preview = d.preview.map(|preview| (version, preview));
        }
        Err(problem) => p.app.cats_mut().refuse(vec![problem]),
    });
}

/// p(cat) of the first picture with the trained model (the lab says when there is none).
async fn predict(runner: &Shared, files: Vec<Picked>) {
    let Some((file, decoded)) = decode_first(files, false).await else {
        return;
    };
    runner.update(|p| match decoded {
        Ok(d) => {
            p.app.cats_mut().predict(d.picture, &file.path);
        }
        Err(problem) => p.app.cats_mut().refuse(vec![problem]),
    });
}
