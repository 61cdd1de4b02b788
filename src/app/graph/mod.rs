//! The graph lab's controller, pure Rust: the current [`GraphSession`], the
//! expression field's text and the starting value of each of its variables, the
//! selected node, the learning rate r and the nudge h, the last update written
//! out, and the error to show. A refused expression, value, rate or nudge leaves
//! the graph on screen as it was and only sets [`GraphController::error`].

use crate::app::message::{Message, Topic};
use crate::engine::graph::{ExprError, GraphSession, GraphSnapshot};

mod command;
mod link;
mod presets;

pub use command::{GraphCommand, GraphError, GraphField, UpdateRecord, UpdateRow};
pub use link::GraphParams;
use presets::{build, parsed, MAX_FIELDS};
pub use presets::{GraphPreset, NEW_VARIABLE_VALUE};

/// Learning rate r the lab starts with (J = 33 falls to 31.76 after one update).
pub const DEFAULT_RATE: f64 = 0.01;
/// Nudge h the lab starts with, as in the tutorial.
pub const DEFAULT_NUDGE: f64 = 0.001;

/// The graph lab's state.
#[derive(Clone, Debug)]
pub struct GraphController {
    session: GraphSession,
    /// The expression field's text (what the learner typed last, even if refused).
    expression: String,
    /// The expression the value fields belong to (the graph's, or a typed one that
    /// parsed but cannot be evaluated at its values yet).
    source: String,
    /// Name and starting value of each value field.
    fields: Vec<(String, f64)>,
    selected: Option<usize>,
    rate: f64,
    nudge: f64,
    error: Option<GraphError>,
    last_update: Option<UpdateRecord>,
    preset: Option<GraphPreset>,
    generation: u64,
}

impl Default for GraphController {
    fn default() -> Self {
        GraphController::new()
    }
}

impl GraphController {
    /// The tutorial's graph, r = [`DEFAULT_RATE`], h = [`DEFAULT_NUDGE`].
    pub fn new() -> GraphController {
        let session = GraphSession::tutorial();
        GraphController {
            expression: session.expression().to_string(),
            source: session.expression().to_string(),
            fields: session.starting_values(),
            session,
            selected: None,
            rate: DEFAULT_RATE,
            nudge: DEFAULT_NUDGE,
            error: None,
            last_update: None,
            preset: Some(GraphPreset::Tutorial),
            generation: 0,
        }
    }

    /// Carries out one command; a refused one sets [`GraphController::error`] and
    /// changes nothing else. A command carried out clears the error.
    pub fn apply(&mut self, cmd: GraphCommand) {
        if let Err(err) = self.run(cmd) {
            self.error = Some(err);
        }
    }

    fn run(&mut self, cmd: GraphCommand) -> Result<(), GraphError> {
        match cmd {
            GraphCommand::ForwardStep => {
                self.session.forward_step();
            }
            GraphCommand::ForwardAll => self.session.forward_all(),
            GraphCommand::BackwardStep => {
                self.session.backward_step();
            }
            GraphCommand::BackwardAll => self.session.backward_all(),
            GraphCommand::Nudge(label) => self.nudge(&label)?,
            GraphCommand::SetNudge(h) => self.set_nudge(h)?,
            GraphCommand::SetRate(r) => self.set_rate(r)?,
            GraphCommand::Update => self.update()?,
            GraphCommand::Reset => {
                self.session.reset();
                self.last_update = None;
            }
            GraphCommand::Select(id) => self.select(id),
            GraphCommand::SetExpression(text) => self.set_expression(text)?,
            GraphCommand::SetValue(name, value) => self.set_value(name, value)?,
            GraphCommand::LoadPreset(p) => self.load_preset(p)?,
            GraphCommand::RejectField(field, reason) => {
                return Err(GraphError::field(field, reason));
            }
            GraphCommand::DismissError => {}
        }
        self.error = None;
        Ok(())
    }

    fn engine_error(&self, err: &ExprError, field: GraphField) -> GraphError {
        GraphError::from_engine(err, self.session.expression(), field)
    }

    fn nudge(&mut self, label: &str) -> Result<(), GraphError> {
        let result = self.session.nudge(label, self.nudge);
        result
            .map(|_| ())
            .map_err(|e| self.engine_error(&e, GraphField::Graph))
    }

    fn set_nudge(&mut self, h: f64) -> Result<(), GraphError> {
        if !h.is_finite() || h == 0.0 {
            let message = Message::new(Topic::Graph, "bad-step");
            return Err(GraphError::field(GraphField::Nudge, message));
        }
        self.nudge = h;
        Ok(())
    }

    fn set_rate(&mut self, r: f64) -> Result<(), GraphError> {
        if !r.is_finite() || r <= 0.0 {
            let message = Message::new(Topic::Graph, "bad-rate");
            return Err(GraphError::field(GraphField::Rate, message));
        }
        self.rate = r;
        Ok(())
    }

    /// One update, keeping the gradients it used (the session clears them) so the
    /// page can write `a′ = a − r·dJ/da` with every number filled in.
    fn update(&mut self) -> Result<(), GraphError> {
        let mut before = self.session.clone();
        before.backward_all();
        let old = before.snapshot();
        if let Err(e) = self.session.update(self.rate) {
            let field = if e.is_bad_rate() {
                GraphField::Rate
            } else {
                GraphField::Graph
            };
            return Err(self.engine_error(&e, field));
        }
        let new = self.session.snapshot();
        let rows = old.variables.iter().zip(&new.variables);
        let rows = rows.map(|(o, n)| UpdateRow {
            name: o.name.clone(),
            before: o.value,
            gradient: o.gradient.unwrap_or(f64::NAN),
            after: n.value,
        });
        self.last_update = Some(UpdateRecord {
            rate: self.rate,
            rows: rows.collect(),
            output_before: old.output.unwrap_or(f64::NAN),
            output_after: new.output.unwrap_or(f64::NAN),
        });
        Ok(())
    }

    fn select(&mut self, id: Option<usize>) {
        let count = self.session.node_count();
        self.selected = id.filter(|&i| i < count);
    }

    fn set_expression(&mut self, text: String) -> Result<(), GraphError> {
        self.expression = text.clone();
        let known = self.known_values();
        self.rebuild(&text, known, None)
    }

    /// The values a typed expression's variables start from: the fields, then the
    /// starting values of the graph on screen (which a refused text may have hidden).
    fn known_values(&self) -> Vec<(String, f64)> {
        let mut known = self.fields.clone();
        for (name, start) in self.session.starting_values() {
            if !known.iter().any(|(n, _)| *n == name) {
                known.push((name, start));
            }
        }
        known
    }

    /// A value that breaks the expression is refused with its field named; the
    /// fields keep their last good values (the field itself shows what was typed).
    fn set_value(&mut self, name: String, value: f64) -> Result<(), GraphError> {
        let mut fields = self.fields.clone();
        match fields.iter_mut().find(|(n, _)| *n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name.clone(), value)),
        }
        let (source, kept) = (self.source.clone(), self.fields.clone());
        self.rebuild(&source, fields, None).map_err(|e| {
            self.fields = kept;
            GraphError {
                field: GraphField::Value(name),
                ..e
            }
        })
    }

    fn load_preset(&mut self, preset: GraphPreset) -> Result<(), GraphError> {
        let text = preset.expression();
        self.expression = text.clone();
        let mut fields = self.known_values();
        for (name, value) in preset.values() {
            fields.retain(|(n, _)| *n != name);
            fields.push((name, value));
        }
        self.rebuild(&text, fields, Some(preset))
    }

    /// Builds `text` at `fields` (adding [`NEW_VARIABLE_VALUE`] for each new variable).
    /// On success the graph is replaced; when the text parses but cannot be evaluated,
    /// the fields become its variables so the learner can fix their values.
    fn rebuild(
        &mut self,
        text: &str,
        fields: Vec<(String, f64)>,
        preset: Option<GraphPreset>,
    ) -> Result<(), GraphError> {
        let (values, result) = build(text, fields);
        match result {
            Ok(session) => {
                self.fields = session.starting_values();
                self.source = session.expression().to_string();
                self.expression = text.to_string();
                self.session = session;
                self.selected = None;
                self.last_update = None;
                self.preset = preset;
                self.generation += 1;
                Ok(())
            }
            Err(e) => {
                if parsed(&e) {
                    self.source = text.to_string();
                    self.fields = values;
                    self.fields.truncate(MAX_FIELDS);
                }
                Err(GraphError::from_engine(&e, text, GraphField::Expression))
            }
        }
    }
}

impl GraphController {
    /// The current graph's snapshot.
    pub fn snapshot(&self) -> GraphSnapshot {
        self.session.snapshot()
    }
    /// The expression field's text (the last one typed, even if refused).
    pub fn expression(&self) -> &str {
        &self.expression
    }
    /// The value fields: name and starting value, in order.
    pub fn fields(&self) -> &[(String, f64)] {
        &self.fields
    }
    /// The selected node's id.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }
    /// The label of node `id` of the current graph.
    pub fn label(&self, id: usize) -> Option<&str> {
        self.session.label(id)
    }
    /// The learning rate r.
    pub fn rate(&self) -> f64 {
        self.rate
    }
    /// The nudge h.
    pub fn nudge_size(&self) -> f64 {
        self.nudge
    }
    /// The error to show, if any.
    pub fn error(&self) -> Option<&GraphError> {
        self.error.as_ref()
    }
    /// The last update since the graph or its values changed.
    pub fn last_update(&self) -> Option<&UpdateRecord> {
        self.last_update.as_ref()
    }
    /// The preset shown, if the graph is one.
    pub fn preset(&self) -> Option<GraphPreset> {
        self.preset
    }
    /// Grows by one each time the graph is replaced (its layout has to be redone).
    pub fn generation(&self) -> u64 {
        self.generation
    }
}
